// @ts-check
// A classic script on pages with a calculator, just before the first widget (the calculator macro puts it there,
// not in <head>: the article above is parsed and painted without waiting for it; in <head>, the largest paint came
// 5–8 % later). It keeps the widgets below the first screen out of the paints made while the page is parsed, and
// it starts the Python worker in the first frame after the parser is done, without waiting for the page's module
// scripts, which could run only once their imports had arrived, long after. Messages that arrive before
// client.mjs adopts the worker are kept for it; a client that comes first waits for it (`whenStarted`). It
// computes nothing; the worker is the same one client.mjs would start (same URL, same name); a file:// page or a
// browser without workers skips it.
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

// While the page is parsed, a widget that is not in the first screen is skipped by style, layout and paint
// (`html.lw-parsing` in widget.css: content-visibility: hidden, keeping its place). Laid out with the article, its
// form controls made the article's largest paint 10–15 % later: Chromium renders a `content-visibility: auto`
// element within one and a half screens of the viewport, so `auto` alone did not skip it. A widget in view is
// shown in the very frame that first lays it out: a ResizeObserver's callback runs after layout and before paint,
// and the body grows as each part of the page is parsed. Once parsing is done (before DOMContentLoaded), every
// widget is shown. Without this script (no JavaScript, or it failed to load) nothing is ever hidden.
(function paintTheArticleFirst() {
  var root = document.documentElement;
  // Not while loading: run again by instant navigation, say, where the new page is parsed already.
  if (document.readyState !== "loading" || typeof ResizeObserver !== "function") return;
  var showWidgetsInView = function () {
    var waiting = document.querySelectorAll("[data-calculator]:not([data-first-screen])");
    for (var index = 0; index < waiting.length; index++) {
      var box = waiting[index].getBoundingClientRect();
      if (box.top < innerHeight && box.bottom > 0) waiting[index].setAttribute("data-first-screen", "");
    }
  };
  var watchingBody = false;
  var observer = new ResizeObserver(function () {
    if (!watchingBody && document.body) {
      watchingBody = true;
      observer.observe(document.body); // <html> keeps the viewport's height; the body grows with the page
    }
    showWidgetsInView();
  });
  var done = function () {
    observer.disconnect();
    root.classList.remove("lw-parsing");
  };
  document.addEventListener("readystatechange", done, { once: true });
  root.classList.add("lw-parsing");
  observer.observe(root);
})();
