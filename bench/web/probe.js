// Injected before any page script (Playwright init script). Records, in the page's own clock
// (performance.now(), 0 = navigation start): when every calculator on the page is ready, whether the default
// answers are visible at DOMContentLoaded, and the paint timings. Reads nothing the site does not publish.
(() => {
  if (window.__bench) return;
  const bench = (window.__bench = { ready: null, answerAtDcl: null, firstAnswerAfterDcl: null, lcp: null, fcp: null });

  const roots = () => [...document.querySelectorAll("[data-calculator]")];
  const allReady = () => {
    const found = roots();
    return found.length > 0 && found.every((root) => root.dataset.state === "ready");
  };
  const answersVisible = () => {
    const found = roots();
    return (
      found.length > 0 &&
      found.every((root) => {
        const outputs = [...root.querySelectorAll("output[data-output]")];
        return outputs.length > 0 && outputs.every((o) => o.textContent.trim() !== "" && o.checkVisibility());
      })
    );
  };

  new MutationObserver(() => {
    if (bench.ready === null && allReady()) bench.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });

  document.addEventListener(
    "DOMContentLoaded",
    () => {
      const dcl = performance.now();
      bench.answerAtDcl = answersVisible();
      if (bench.answerAtDcl) {
        bench.firstAnswerAfterDcl = 0;
        return;
      }
      const watcher = new MutationObserver(() => {
        if (answersVisible()) {
          bench.firstAnswerAfterDcl = performance.now() - dcl;
          watcher.disconnect();
        }
      });
      watcher.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { capture: true, once: true },
  );

  try {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) bench.lcp = last.renderTime || last.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") bench.fcp = entry.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch {
    // a browser without these entry types reports null
  }
})();
