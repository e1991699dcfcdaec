// Entry point (a module script on every page): mounts each calculator found by its data attribute, again after
// every instant navigation (Material's document$), and starts the Python worker only on pages that have one.
import { getClient } from "./client.mjs";
import { mount } from "./widget.mjs";

let disposers = [];

function mountAll() {
  for (const dispose of disposers) dispose();
  const roots = [...document.querySelectorAll("[data-calculator]")];
  disposers = roots.length ? roots.map((root) => mount(root, getClient())) : [];
}

if (globalThis.document$?.subscribe) {
  globalThis.document$.subscribe(mountAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll, { once: true });
} else {
  mountAll();
}
