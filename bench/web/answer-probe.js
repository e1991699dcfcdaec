// Injected after probe.js, only into the calculator page's sessions (the first-answer row): whether every widget's
// default answer is visible at DOMContentLoaded, or else how long after it the first one shows. Its check
// (checkVisibility) lays the page out, so the LCP visits go without it.
(() => {
  const bench = window.__bench;
  if (!bench) return;

  const answersVisible = () => {
    const found = [...document.querySelectorAll("[data-calculator]")];
    return (
      found.length > 0 &&
      found.every((root) => {
        const outputs = [...root.querySelectorAll("output[data-output]")];
        return outputs.length > 0 && outputs.every((o) => o.textContent.trim() !== "" && o.checkVisibility());
      })
    );
  };

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
})();
