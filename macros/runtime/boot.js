// @ts-check
// A classic script in <head> on pages with a calculator (see overrides/main.html). It starts the Python worker
// before the page's other scripts run: an async module script only ran once the parser was done, 300–450 ms
// into a cold load, while this runs as soon as the stylesheets before it are in (about 70 ms). Messages that
// arrive before client.mjs adopts the worker are kept for it. It computes nothing; the worker is the same one
// client.mjs would start (same URL, same name); a file:// page or a browser without workers skips it.
/** @typedef {import("./messages.mjs").PageGlobals} PageGlobals */
/** @typedef {import("./messages.mjs").EarlyWorker} EarlyWorker */
(function startPythonEarly() {
  if (/** @type {PageGlobals} */ (window).legworkEarlyWorker !== undefined || typeof Worker !== "function" || location.protocol === "file:") {
    return;
  }
  var url = new URL("worker.mjs", /** @type {HTMLScriptElement} */ (document.currentScript).src);
  if (new URLSearchParams(location.search).has("legwork-debug")) url.searchParams.set("legwork-debug", "");
  /** @type {EarlyWorker} */
  var early = { url: url.href, started: performance.now(), messages: [], failed: false };
  try {
    early.worker = new Worker(url, { type: "module", name: "legwork-python" });
  } catch (error) {
    return; // client.mjs starts it the usual way and reports what goes wrong
  }
  early.worker.onmessage = function (/** @type {MessageEvent} */ event) {
    early.messages.push(event.data);
  };
  early.worker.onerror = function (/** @type {ErrorEvent} */ event) {
    event.preventDefault();
    early.failed = true;
  };
  /** @type {PageGlobals} */ (window).legworkEarlyWorker = early;
})();
