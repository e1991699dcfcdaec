// Instant navigation to `href` the way a reader does it: a click on a link, which Material intercepts.
// Resolves with the ms from the click to every calculator on the new page being ready (new root elements,
// not the old ones), when they entered the document, whether the document survived (no full reload), and how many workers were started.
async ({ href, timeoutMs }) => {
  const target = new URL(href, location.href).href;
  const before = new Set(document.querySelectorAll("[data-calculator]"));
  const token = (window.__benchNavToken = Math.random());
  let link = [...document.querySelectorAll("a[href]")].find((a) => a.href === target);
  if (!link) {
    link = Object.assign(document.createElement("a"), { href: target, hidden: true });
    document.body.append(link);
  }
  let swapped = null; // when the new page's widgets are in the document (Material's part ends here)
  const arrived = () => {
    const roots = [...document.querySelectorAll("[data-calculator]")];
    return roots.length > 0 && roots.every((root) => !before.has(root) && root.dataset.state === "ready");
  };
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (swapped === null && [...document.querySelectorAll("[data-calculator]")].some((r) => !before.has(r))) {
        swapped = performance.now();
      }
      if (arrived()) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
    setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, timeoutMs);
  });
  // Material announces the new page on document$, which the widgets mount on: when did that happen?
  let clicked = false;
  let announced = null;
  const subscription = globalThis.document$?.subscribe(() => {
    if (clicked && announced === null) announced = performance.now();
  });
  const start = performance.now();
  clicked = true;
  link.click();
  const end = await done;
  subscription?.unsubscribe();
  return {
    ms: end === null ? null : end - start,
    swapMs: swapped === null ? null : swapped - start,
    documentMs: announced === null ? null : announced - start,
    sameDocument: window.__benchNavToken === token,
    url: location.href,
    workersStarted: globalThis.legworkRuntime?.workersStarted ?? null,
  };
}
