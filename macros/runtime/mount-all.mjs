// @ts-check
// The widgets' runtime, imported by main.mjs once the page has painted: mounts each calculator found by its data
// attribute and starts the Python worker only on pages that have one (boot.js has mostly started it already).
// Under Material's instant navigation the new page's widgets are mounted as soon as they enter the DOM (a
// MutationObserver), not when Material announces the page on document$ some 40 ms later; widgets that left the
// DOM are disposed. Mounting is idempotent per root element.
import { getClient } from "./client.mjs";
import { SELECT, all } from "./hooks.mjs";
import { pageGlobals } from "./messages.mjs";
import { reportSiteUrl } from "./site-url.mjs";
import { mount } from "./widget.mjs";

/** @type {Map<HTMLElement, () => void>} root element -> dispose() */
const mounted = new Map();

function sync() {
  for (const [root, dispose] of mounted) {
    if (!root.isConnected) {
      dispose();
      mounted.delete(root);
    }
  }
  for (const root of all(document, SELECT.calculator, HTMLElement)) {
    if (!mounted.has(root)) mounted.set(root, mount(root, getClient()));
  }
}

// Imported once the page is parsed (main.mjs), so the whole document is there.
reportSiteUrl();
sync();
new MutationObserver(sync).observe(document.body, { childList: true, subtree: true });
pageGlobals.document$?.subscribe?.(sync);
