// @ts-check
// Entry point (a module script on every page; it imports nothing itself). The widgets' runtime, mount-all.mjs and its
// dozen modules, is imported in the first frame after the page is parsed, not with the page: fetched and compiled
// while the page parsed and painted, it made the article's largest paint 3–4 % later, and nothing
// needs it sooner. Every widget shows its answer in the HTML, Python (started by boot.js) takes a second to be
// ready, and a widget that mounts late still sees what the reader typed meanwhile (widget.mjs).
// A hidden tab paints nothing, so it imports at once.
const load = () => import("./mount-all.mjs");

if (document.visibilityState === "hidden") load();
else requestAnimationFrame(() => setTimeout(load, 0));
