// @ts-check
// A classic script in <head> on pages with a calculator (see overrides/main.html). It starts the Python worker
// in the first frame after the parser is done, without waiting for the page's module scripts, which could run
// only once their imports had arrived, long after. Messages that arrive before client.mjs adopts the worker are
// kept for it; a client that comes first waits for it (`whenStarted`). It computes nothing; the worker is the
// same one client.mjs would start (same URL, same name); a file:// page or a browser without workers skips it.
/** @typedef {import("./messages.mjs").PageGlobals} PageGlobals */
/** @typedef {import("./messages.mjs").EarlyWorker} EarlyWorker */
(function startPythonEarly() {
  if (/** @type {PageGlobals} */ (window).legworkEarlyWorker !== undefined || typeof Worker !== "function" || location.protocol === "file:") {
    return;
  }
  var url = new URL("worker.mjs", /** @type {HTMLScriptElement} */ (document.currentScript).src);
  if (new URLSearchParams(location.search).has("legwork-debug")) url.searchParams.set("legwork-debug", "");
  /** @type {EarlyWorker} */
  var early = { url: url.href, started: NaN, messages: [], failed: false };
  /** @type {PageGlobals} */ (window).legworkEarlyWorker = early;
  var create = function () {
    if (early.cancelled) return;
    early.started = performance.now();
    try {
      early.worker = new Worker(url, { type: "module", name: "legwork-python" });
      early.worker.onmessage = function (/** @type {MessageEvent} */ event) {
        early.messages.push(event.data);
      };
      early.worker.onerror = function (/** @type {ErrorEvent} */ event) {
        event.preventDefault();
        early.failed = true;
      };
    } catch (error) {
      early.worker = undefined; // client.mjs starts it the usual way and reports what goes wrong
    }
    if (early.whenStarted) early.whenStarted();
  };
  // In the frame after the parser is done: started sooner, Python's start shares the CPUs with the page's first
  // paint, which then came up to a third later. A hidden tab paints nothing, so it starts at once.
  var afterPaint = function () {
    if (document.visibilityState === "hidden") create();
    else requestAnimationFrame(function () {
      setTimeout(create, 0);
    });
  };
  if (document.readyState === "loading") document.addEventListener("readystatechange", afterPaint, { once: true });
  else afterPaint();
})();
