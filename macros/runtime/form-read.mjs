// @ts-check
// Reading the form into the inputs a calculator takes: each field's raw entry, never parsed or converted here
// (Python reads "72,5", "140lb" or "5 ft 4" itself).
import { DATA, FEET_SUFFIX, INCHES_SUFFIX, SELECT, all, maybe, one } from "./hooks.mjs";

/** @typedef {import("./messages.mjs").Inputs} Inputs */
/** @typedef {import("./messages.mjs").Entry} Entry */

/** Every field's entry, by key, as Python's run() takes them. */
export function readInputs(/** @type {HTMLFormElement} */ form) {
  /** @type {Inputs} */
  const inputs = {};
  for (const field of all(form, SELECT.field, HTMLElement)) {
    const key = field.dataset[DATA.field] ?? "";
    const kind = field.dataset[DATA.kind];
    if (kind === "number") inputs[key] = numberEntry(field, key);
    else if (kind === "choice") inputs[key] = choiceEntry(field);
    else if (kind === "boolean") inputs[key] = one(field, "input", HTMLInputElement).checked;
    // A series: its text box, as typed or pasted; a grid of days writes its days there first (series-grid.mjs).
    else inputs[key] = one(field, "textarea", HTMLTextAreaElement).value;
  }
  return inputs;
}

/** @returns {Entry} */
function numberEntry(/** @type {HTMLElement} */ field, /** @type {string} */ key) {
  const main = one(field, controlNamed(key), HTMLInputElement);
  if (main.disabled) {
    const feet = one(field, controlNamed(key + FEET_SUFFIX), HTMLInputElement).value;
    const inches = one(field, controlNamed(key + INCHES_SUFFIX), HTMLInputElement).value;
    return feet.trim() === "" && inches.trim() === "" ? "" : { value: { ft: feet, in: inches }, unit: "ft_in" };
  }
  // In the field's own unit the raw text goes as typed, so Python also reads "72,5", "140lb" or "5 ft 4".
  const unit = main.dataset[DATA.unit] ?? "";
  if (main.value.trim() === "" || unit === main.dataset[DATA.canonicalUnit]) return main.value;
  return { value: main.value, unit };
}

/** @returns {Entry} */
function choiceEntry(/** @type {HTMLElement} */ field) {
  const picked = maybe(field, "input:checked", HTMLInputElement) ?? maybe(field, "option:checked", HTMLOptionElement);
  if (!picked) return "";
  /** @type {import("./messages.mjs").Scalar} */
  const value = JSON.parse(picked.dataset[DATA.json] ?? "null");
  return value;
}

/** The selector of the input named `name`. */
export function controlNamed(/** @type {string} */ name) {
  return `input[name="${CSS.escape(name)}"]`;
}

/** Whether the reader has changed the form from the HTML's own entries (value, check or choice), which they can do
 * before the runtime mounts: it arrives after the page's first paint. */
export function changedFromHtml(/** @type {HTMLFormElement} */ form, /** @type {(control: Element) => boolean} */ skip) {
  return namedControls(form).some((control) => {
    if (skip(control)) return false;
    if (control instanceof HTMLSelectElement) return [...control.options].some((o) => o.selected !== o.defaultSelected);
    if (control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox")) {
      return control.checked !== control.defaultChecked;
    }
    return control.value !== control.defaultValue;
  });
}

/** The form's named, enabled controls: what the reader can set, as the URL keeps it. */
export function namedControls(/** @type {HTMLFormElement} */ form) {
  /** @type {(HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]} */
  const found = [];
  for (const control of form.elements) {
    const named =
      control instanceof HTMLInputElement ||
      control instanceof HTMLSelectElement ||
      control instanceof HTMLTextAreaElement;
    if (named && control.name && !control.disabled) found.push(control);
  }
  return found;
}
