// @ts-check
// Shareable state: each widget keeps its entries (and unit system) in the page's URL under its own namespace,
// `<instance>.<control name>=<value>`, so a copied link opens with the same entries. Written only after an
// answer for entries the reader changed; read once, when the widget mounts.
import { namedControls } from "./form-read.mjs";
import { UNIT_RADIO_NAME } from "./hooks.mjs";
import { isUnitSystem } from "./units.mjs";

/** @typedef {import("./units.mjs").UnitSystem} UnitSystem */

const SYSTEM_PARAM = "unit-system";

/**
 * Replace this widget's part of the URL with its current entries (and `system`, when it has a toggle).
 * @param {HTMLFormElement} form
 * @param {string} namespace
 * @param {UnitSystem | null} system
 */
export function saveToUrl(form, namespace, system) {
  const url = new URL(location.href);
  const prefix = `${namespace}.`;
  for (const key of [...url.searchParams.keys()]) if (key.startsWith(prefix)) url.searchParams.delete(key);
  if (system) url.searchParams.set(prefix + SYSTEM_PARAM, system);
  for (const control of namedControls(form)) {
    if (control.name === UNIT_RADIO_NAME) continue;
    if (control instanceof HTMLInputElement && control.type === "radio" && !control.checked) continue;
    const value = control instanceof HTMLInputElement && control.type === "checkbox" ? String(control.checked) : control.value;
    url.searchParams.set(prefix + control.name, value);
  }
  history.replaceState(history.state, "", url);
}

/**
 * Put the entries this widget's part of the URL holds into the form. `showSystem` is called first, with the
 * system the URL names, since it decides which boxes are enabled (feet + inches or one box).
 * @param {HTMLFormElement} form
 * @param {string} namespace
 * @param {((system: UnitSystem) => void) | null} showSystem  null for a widget without a toggle
 * @returns {boolean} whether the URL held anything for this widget
 */
export function restoreFromUrl(form, namespace, showSystem) {
  const params = new URLSearchParams(location.search);
  const prefix = `${namespace}.`;
  if (![...params.keys()].some((key) => key.startsWith(prefix))) return false;
  const wanted = params.get(prefix + SYSTEM_PARAM);
  if (showSystem && isUnitSystem(wanted)) showSystem(wanted);
  for (const control of namedControls(form)) {
    const value = params.get(prefix + control.name);
    if (control.name === UNIT_RADIO_NAME || value === null) continue;
    if (control instanceof HTMLInputElement && control.type === "radio") control.checked = control.value === value;
    else if (control instanceof HTMLInputElement && control.type === "checkbox") control.checked = value === "true";
    else control.value = value;
  }
  return true;
}
