// @ts-check
// Keep and share: "Copy link" puts the page's address, whose query already holds every entry and the unit system
// (url-state.mjs), on the clipboard; "Print" prints this widget alone (print.css), its worked steps open.
import { DATA, PRINT_ONE_CLASS, SELECT, maybe } from "./hooks.mjs";

/** @typedef {import("./reply-write.mjs").Voice} Voice */

/**
 * Show and wire the widget's toolbar; `saveEntries` writes the current entries into the URL first.
 * @param {HTMLElement} root
 * @param {Voice} voice
 * @param {() => void} saveEntries
 * @returns {() => void} detach
 */
export function mountShare(root, voice, saveEntries) {
  const toolbar = maybe(root, SELECT.toolbar, HTMLElement);
  if (!toolbar) return () => {};
  toolbar.hidden = false;
  const onClick = (/** @type {Event} */ event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) return;
    if (DATA.copyLink in button.dataset) copyLink(root, voice, saveEntries);
    else if (DATA.print in button.dataset) printAlone(root);
  };
  toolbar.addEventListener("click", onClick);
  return () => toolbar.removeEventListener("click", onClick);
}

async function copyLink(/** @type {HTMLElement} */ root, /** @type {Voice} */ voice, /** @type {() => void} */ save) {
  save();
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    voice.announce("Link copied.");
    voice.say("Link copied: it opens this calculation with your entries and units.");
  } catch {
    // No clipboard (an insecure origin, or permission refused): show the link selected, ready to copy.
    let box = maybe(root, "input.lw-link-box", HTMLInputElement);
    if (!box) {
      box = document.createElement("input");
      box.className = "lw-link-box";
      box.readOnly = true;
      box.setAttribute("aria-label", "Link to this calculation");
      maybe(root, SELECT.toolbar, HTMLElement)?.append(box);
    }
    box.value = link;
    box.focus();
    box.select();
    voice.say("Press Ctrl+C (or ⌘C) to copy the selected link.");
  }
}

function printAlone(/** @type {HTMLElement} */ root) {
  const html = document.documentElement;
  const details = [...root.querySelectorAll("details")];
  const wasOpen = details.map((element) => element.open);
  html.classList.add(PRINT_ONE_CLASS);
  root.dataset.lwPrint = "";
  for (const element of details) element.open = true;
  const restore = () => {
    html.classList.remove(PRINT_ONE_CLASS);
    delete root.dataset.lwPrint;
    details.forEach((element, index) => {
      element.open = wasOpen[index] ?? false;
    });
    window.removeEventListener("afterprint", restore);
  };
  window.addEventListener("afterprint", restore);
  window.print();
}
