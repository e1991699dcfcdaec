// @ts-check
// What the browser remembers between visits: only the reader's unit system, under one key. Storage may be off
// (private mode, a file:// page); the choice then lasts for this page only.

const UNIT_SYSTEM_KEY = "legwork.unitSystem";

/** The unit system the reader chose last time, or null. */
export function storedUnitSystem() {
  try {
    return localStorage.getItem(UNIT_SYSTEM_KEY);
  } catch {
    return null;
  }
}

export function storeUnitSystem(/** @type {string} */ system) {
  try {
    localStorage.setItem(UNIT_SYSTEM_KEY, system);
  } catch {
    // storage is off: nothing to keep it in
  }
}
