// @ts-check
// Offline use: registers the site's service worker (sw.js at the site root, written by macros/offline.py) and
// tells the reader, in a status line at the foot of every page, when the site is saved for offline use and when
// an update is waiting. Loaded once per page session; the line lives directly in <body>, outside the parts that
// Material's instant navigation replaces, and is re-attached after each navigation should a page drop it.

const ROOT = new URL("../../", import.meta.url);
const CHECK_EVERY_MS = 60_000;
const SETTLE_LIMIT_MS = 35_000; // past the widgets' own 30 s boot limit
const QUIET_MS = 2_000; // no typing, clicking or scrolling for this long ...
const QUIET_LIMIT_MS = 20_000; // ... or this long after the calculators are ready, whichever comes first
const MESSAGES = {
  installing: "Saving this site for offline use…",
  ready: "Ready for offline use: every page and calculator works without a network.",
  update: "An update is available — reload to use it.",
  failed: "This site could not be saved for offline use; it works while you are online.",
};

/** @type {HTMLElement} the status line's region, created by start() */
let region;
/** @type {ServiceWorkerRegistration | undefined} */
let registration;
let lastCheck = 0;

if ("serviceWorker" in navigator && globalThis.isSecureContext && location.protocol !== "file:") {
  start();
}

async function start() {
  region = createRegion(); // empty at first: a live region must exist before it speaks
  reloadWhenReplaced();
  const material = /** @type {import("./messages.mjs").PageGlobals} */ (globalThis).document$;
  if (material?.subscribe) material.subscribe(onPage);
  // A first visit's precache downloads the whole site, Pyodide included: started at once, it competes with the
  // page's own Pyodide boot (the benchmark measured cold ready 1.16-1.85 x the bare page). So the first
  // registration waits until the page has loaded and its calculators are ready, and then until the reader pauses:
  // hashing and storing the site while they type slowed their first answers (input p95 60 ms against 29 ms
  // without it). A returning reader's worker is already in control and only checks for an update.
  if (!navigator.serviceWorker.controller) await pageSettled().then(readerPaused);
  try {
    registration = await navigator.serviceWorker.register(new URL("sw.js", ROOT), {
      scope: ROOT.pathname,
      updateViaCache: "none",
    });
  } catch {
    show("failed");
    return;
  }
  if (!registration) return; // an automated browser may stub registration out
  lastCheck = Date.now();
  if (registration.waiting && registration.active) offerUpdate(registration.waiting);
  else if (registration.installing) follow(registration.installing);
  else if (registration.active) show("ready");
  registration.addEventListener("updatefound", () =>
    follow(/** @type {ServiceWorkerRegistration} */ (registration).installing),
  );
}

/** Resolves once the page has loaded and no calculator is still booting (or after SETTLE_LIMIT_MS). */
function pageSettled() {
  const booting = () =>
    [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-calculator]"))].some((root) =>
      /** @type {(string | undefined)[]} */ (["static", "loading"]).includes(root.dataset.state),
    );
  /** @type {Promise<void>} */
  const loaded = new Promise((/** @type {() => void} */ resolve) => {
    if (document.readyState === "complete") resolve();
    else addEventListener("load", resolve, { once: true });
  });
  return loaded.then(
    /** @returns {Promise<void>} */
    () =>
      new Promise((resolve) => {
        if (!booting()) return resolve();
        const done = () => {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        };
        const observer = new MutationObserver(() => booting() || done());
        observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
        const timer = setTimeout(done, SETTLE_LIMIT_MS);
      }),
  );
}

/** Resolves once the reader has not typed, clicked or scrolled for QUIET_MS (or after QUIET_LIMIT_MS). */
function readerPaused() {
  const events = ["input", "keydown", "pointerdown", "wheel"];
  return new Promise((/** @type {(value?: unknown) => void} */ resolve) => {
    /** @type {ReturnType<typeof setTimeout>} */
    let quiet;
    const done = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      for (const type of events) removeEventListener(type, wait, true);
      resolve();
    };
    const wait = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, QUIET_MS);
    };
    const limit = setTimeout(done, QUIET_LIMIT_MS);
    for (const type of events) addEventListener(type, wait, { capture: true, passive: true });
    wait();
  });
}

/** After instant navigation: keep the line on the page and look for a new build now and then. */
function onPage() {
  if (region && !region.isConnected) document.body.append(region);
  if (registration && Date.now() - lastCheck > CHECK_EVERY_MS) {
    lastCheck = Date.now();
    registration.update().catch(() => {}); // offline: nothing to compare with
  }
}

/**
 * Follow a worker that is installing: the first one makes the site ready, a later one is an update.
 * @param {ServiceWorker | null} worker
 */
function follow(worker) {
  if (!worker) return;
  const isUpdate = Boolean(/** @type {ServiceWorkerRegistration} */ (registration).active);
  if (!isUpdate) show("installing");
  worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && isUpdate) offerUpdate(worker);
    else if (worker.state === "activated" && !isUpdate) show("ready");
    else if (worker.state === "redundant" && !isUpdate) show("failed");
  });
}

function offerUpdate(/** @type {ServiceWorker} */ worker) {
  show("update");
  const button = /** @type {HTMLButtonElement} createRegion() made it */ (region.querySelector("button"));
  button.hidden = false;
  button.onclick = () => {
    button.disabled = true;
    worker.postMessage({ type: "legwork-skip-waiting" });
  };
}

/** Once a new build takes over, every open page reloads, so none runs old scripts against new files. */
function reloadWhenReplaced() {
  let controller = navigator.serviceWorker.controller;
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    if (previous && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}

function show(/** @type {keyof typeof MESSAGES} */ state) {
  region.dataset.offline = state;
  /** @type {HTMLElement} */ (region.querySelector("[role=status]")).textContent = MESSAGES[state];
  if (state !== "update") /** @type {HTMLButtonElement} */ (region.querySelector("button")).hidden = true;
}

function createRegion() {
  const aside = document.createElement("aside");
  aside.className = "lw-offline";
  aside.setAttribute("aria-label", "Offline use");
  const line = document.createElement("p");
  line.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "lw-offline__reload";
  button.textContent = "Reload";
  button.hidden = true;
  aside.append(line, button);
  document.body.append(aside);
  return aside;
}
