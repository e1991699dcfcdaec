// @ts-check
// The metric/imperial toggle. A field both systems know carries both units, symbols and defaults in its data
// attributes; switching shows the other unit (a height becomes feet + inches boxes) and asks Python to re-express
// what the reader typed. The system shown lives in the root's `data-units`, so there is no second copy of it.
import { DATA, FEET_SUFFIX, INCHES_SUFFIX, SELECT, UNIT_RADIO_NAME, all, maybe } from "./hooks.mjs";
import { controlNamed } from "./form-read.mjs";
import { storeUnitSystem, storedUnitSystem } from "./storage.mjs";

/** @typedef {"metric" | "imperial"} UnitSystem */
/** @typedef {import("./messages.mjs").ConvertField} ConvertField */
/** @typedef {import("./messages.mjs").ConvertReply} ConvertReply */
/** @typedef {import("./messages.mjs").FeetInches} FeetInches */
/** @typedef {(fields: ConvertField[]) => Promise<ConvertReply>} Convert */

/** Each system's data attributes on a dual field's main box. */
const SYSTEM_DATA = Object.freeze({
  metric: { unit: DATA.metricUnit, symbol: DATA.metricSymbol, default: DATA.default },
  imperial: { unit: DATA.imperialUnit, symbol: DATA.imperialSymbol, default: DATA.imperialDefault },
});
const FEET_AND_INCHES = "ft_in";

/** @returns {value is UnitSystem} */
export function isUnitSystem(/** @type {unknown} */ value) {
  return value === "metric" || value === "imperial";
}

/**
 * Whether `target` is one of the toggle's radios (a form control, never an entry).
 * @returns {target is HTMLInputElement}
 */
export function isUnitRadio(/** @type {EventTarget | null} */ target) {
  return target instanceof HTMLInputElement && target.name === UNIT_RADIO_NAME;
}

/**
 * The toggle of the widget under `root`; `convert` asks Python to re-express entries.
 * @param {HTMLElement} root
 * @param {HTMLFormElement} form
 * @param {Convert} convert
 */
export function mountUnits(root, form, convert) {
  const toggle = maybe(root, SELECT.unitToggle, HTMLElement);

  /** @returns {UnitSystem} */
  function current() {
    return root.dataset[DATA.units] === "imperial" ? "imperial" : "metric";
  }

  return {
    /** Whether this widget has a toggle at all (a calculator without dual units has none). */
    hasToggle: toggle !== null,
    current,
    show,
    /**
     * The reader's stored system, when it is not the one the page was rendered in, with its defaults.
     * @returns {boolean} whether the entries changed (the server-rendered answer is for the page's system)
     */
    restoreStored() {
      const stored = storedUnitSystem();
      if (!toggle || !isUnitSystem(stored) || stored === current()) return false;
      show(stored);
      fillDefaults(stored);
      return true;
    },
    /**
     * Switch to `next`, re-expressing the reader's entries (defaults need no round trip: both are in the markup).
     * @returns {Promise<boolean>} whether the entries changed and want a new answer
     */
    async switchTo(/** @type {UnitSystem} */ next) {
      const from = current();
      if (next === from) return false;
      const fields = dualFields();
      /** @type {ConvertField[]} */
      const entries = fields.map((field) => ({
        key: field.key,
        value: entryOf(field, from),
        from: unitOf(field, from),
        to: unitOf(field, next),
        step: Number(field.input.dataset[DATA.step]),
      }));
      const untouched = fields.every((field) => isDefault(field, from));
      show(next);
      storeUnitSystem(next);
      if (untouched) {
        fillDefaults(next);
        return true;
      }
      try {
        const reply = await convert(entries);
        if (!reply.ok) return false; // nothing re-expressed: the entries are as they were
        for (const field of fields) if (field.key in reply.values) setEntry(field, next, reply.values[field.key]);
      } catch {
        return false; // the client has published why; the boxes keep what the reader typed
      }
      return true;
    },
    /** Python is unavailable: the toggle can no longer convert anything. */
    disable() {
      for (const radio of toggle?.querySelectorAll("input") ?? []) radio.disabled = true;
    },
  };

  /** Show `next`'s units (and its radio as checked) without touching the entries. */
  function show(/** @type {UnitSystem} */ next) {
    root.dataset[DATA.units] = next;
    const radio = toggle?.querySelector(`input[value="${next}"]`);
    if (radio instanceof HTMLInputElement) radio.checked = true;
    for (const field of dualFields()) {
      const unit = unitOf(field, next);
      const split = unit === FEET_AND_INCHES;
      field.input.disabled = split;
      const wrapper = field.input.closest(SELECT.mainControl);
      if (wrapper instanceof HTMLElement) wrapper.hidden = split;
      if (field.feet && field.inches && field.boxes) {
        field.boxes.hidden = !split;
        field.feet.disabled = !split;
        field.inches.disabled = !split;
      }
      if (!split) {
        field.input.dataset[DATA.unit] = unit;
        const symbol = field.input.parentElement && maybe(field.input.parentElement, SELECT.unitSymbol, HTMLElement);
        if (symbol) symbol.textContent = field.input.dataset[SYSTEM_DATA[next].symbol] ?? "";
      }
    }
  }

  /** The build pre-renders each dual field's default in both systems, so no round trip is needed for them. */
  function fillDefaults(/** @type {UnitSystem} */ which) {
    for (const field of dualFields()) {
      if (unitOf(field, which) === FEET_AND_INCHES && field.feet && field.inches) {
        field.feet.value = field.feet.dataset[DATA.default] ?? "";
        field.inches.value = field.inches.dataset[DATA.default] ?? "";
      } else {
        field.input.value = field.input.dataset[SYSTEM_DATA[which].default] ?? "";
      }
    }
  }

  /** The fields whose box knows both systems' units. */
  function dualFields() {
    return all(form, `input${SELECT.metricUnit}`, HTMLInputElement).map((input) => {
      const box = /** @type {HTMLElement} */ (input.closest(SELECT.field));
      return {
        key: input.name,
        input,
        box,
        feet: maybe(box, controlNamed(input.name + FEET_SUFFIX), HTMLInputElement),
        inches: maybe(box, controlNamed(input.name + INCHES_SUFFIX), HTMLInputElement),
        boxes: maybe(box, SELECT.feetInches, HTMLElement),
      };
    });
  }
}

/** @typedef {{key: string, input: HTMLInputElement, box: HTMLElement, feet: HTMLInputElement | null, inches: HTMLInputElement | null, boxes: HTMLElement | null}} DualField */

function unitOf(/** @type {DualField} */ field, /** @type {UnitSystem} */ which) {
  return field.input.dataset[SYSTEM_DATA[which].unit] ?? "";
}

/** @returns {string | FeetInches} */
function entryOf(/** @type {DualField} */ field, /** @type {UnitSystem} */ which) {
  if (unitOf(field, which) === FEET_AND_INCHES) return { ft: field.feet?.value ?? "", in: field.inches?.value ?? "" };
  return field.input.value;
}

function setEntry(/** @type {DualField} */ field, /** @type {UnitSystem} */ which, /** @type {string | FeetInches} */ value) {
  if (typeof value === "string") field.input.value = value;
  else if (unitOf(field, which) === FEET_AND_INCHES && field.feet && field.inches) {
    field.feet.value = value.ft;
    field.inches.value = value.in;
  }
}

function isDefault(/** @type {DualField} */ field, /** @type {UnitSystem} */ which) {
  if (unitOf(field, which) === FEET_AND_INCHES) {
    return field.feet?.value === field.feet?.dataset[DATA.default] && field.inches?.value === field.inches?.dataset[DATA.default];
  }
  return field.input.value === field.input.dataset[SYSTEM_DATA[which].default];
}
