// Injected before any page script (Playwright init script). Records, in the page's own clock
// (performance.now(), 0 = navigation start): when every calculator on the page is ready, and the paint timings.
// Reads nothing the site does not publish. Whether the answers show at DOMContentLoaded is answer-probe.js's
// job, injected only where that row is measured: its check lays the page out, which would tax the LCP visits.
(() => {
  if (window.__bench) return;
  const bench = (window.__bench = { ready: null, answerAtDcl: null, firstAnswerAfterDcl: null, lcp: null, fcp: null });

  const roots = () => [...document.querySelectorAll("[data-calculator]")];
  const allReady = () => {
    const found = roots();
    return found.length > 0 && found.every((root) => root.dataset.state === "ready");
  };

  new MutationObserver(() => {
    if (bench.ready === null && allReady()) bench.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });

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
