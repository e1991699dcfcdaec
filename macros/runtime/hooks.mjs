// @ts-check
// The widget markup's contract with this runtime (macros/render.py writes it): every data attribute, class and
// control name the runtime looks for is spelled here and nowhere else in it. Data attributes are listed by their
// `dataset` key; `SELECT` holds the matching CSS selectors, derived from the same names.

export const DATA = Object.freeze({
  calculator: "calculator", // the widget's root: the calculator's name
  instance: "instance", // the root: this widget's namespace in the page's URL
  state: "state", // the root: "static" | "loading" | "ready" | "error"
  units: "units", // the root: the unit system shown
  invalid: "invalid", // the root: present while an entry is refused
  status: "status", // the status line
  announce: "announce", // the live region
  unitToggle: "unitToggle", // the metric/imperial radios' fieldset
  field: "field", // one input field, by key
  kind: "kind", // the field's kind: "number" | "choice" | "boolean" | "series"
  unit: "unit", // a number box: the unit its text is in now
  canonicalUnit: "canonicalUnit", // a number box: the unit the calculator reads
  metricUnit: "metricUnit", // a dual number box: its unit in each system ...
  imperialUnit: "imperialUnit",
  metricSymbol: "metricSymbol", // ... the symbol shown beside it ...
  imperialSymbol: "imperialSymbol",
  default: "default", // ... and its default text (metric; also each feet/inches box's own)
  imperialDefault: "imperialDefault",
  step: "step", // a number box: the precision entries are rounded to on conversion
  mainControl: "mainControl", // the wrapper of a number box (hidden while feet + inches replace it)
  unitSymbol: "unitSymbol", // the unit text beside a number box
  feetInches: "feetInches", // the feet + inches boxes' wrapper
  json: "json", // a choice option: its value as JSON
  seriesGrid: "seriesGrid", // a series of days as a grid of weeks (<table>): the days in a week
  seriesDay: "seriesDay", // one day's box in the grid: its place, 1 = week 1, day 1 (the oldest)
  sessionBuilder: "sessionBuilder", // the grid's "Add a session to a day" controls (hidden until the runtime runs)
  sessionDay: "sessionDay", // ... the day to add it to (a seriesDay's place) ...
  sessionRpe: "sessionRpe", // ... its effort, 0-10 ...
  sessionMinutes: "sessionMinutes", // ... its minutes ...
  addSession: "addSession", // ... and the button that writes "RPExminutes" into the day's box
  errorFor: "errorFor", // a field's error line, by field key
  output: "output", // one output's text, by key
  value: "value", // an output's raw value
  warnings: "warnings", // the warnings list
  code: "code", // a warning's code
  steps: "steps", // the "How this was calculated" list
  headline: "headline", // the answer's headline (first and largest)
  staleNote: "staleNote", // "Out of date" over an answer whose entries are no longer valid
  toolbar: "toolbar", // the Copy link / Print buttons (hidden until the runtime can run them)
  copyLink: "copyLink",
  print: "print",
});

/** On <html> while one widget is printed alone; the widget carries `data-lw-print`. */
export const PRINT_ONE_CLASS = "lw-print-one";

/** @typedef {keyof typeof DATA} Hook */

/** `errorFor` → `[data-error-for]` */
function selector(/** @type {string} */ key) {
  return `[data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}]`;
}

export const SELECT = /** @type {Readonly<Record<Hook, string>>} */ (
  Object.freeze(Object.fromEntries(Object.entries(DATA).map(([name, key]) => [name, selector(key)])))
);

/** The selector for an element whose data attribute `hook` equals `value` (escaped). */
export function selectWith(/** @type {Hook} */ hook, /** @type {string} */ value) {
  return `${SELECT[hook].slice(0, -1)}="${CSS.escape(value)}"]`;
}

/** A part of the widget that Python renders whole (`results`, `details`, `chart`): `[data-<part>]`. */
export function partSelector(/** @type {string} */ part) {
  return selector(part);
}

/** The radios of the metric/imperial toggle share this name; it is a form control, but never an entry. */
export const UNIT_RADIO_NAME = "lw-unit-system";
/** One output row (label and text), read back for the live region's summary. */
export const OUTPUT_ROW_CLASS = "lw-output";
/** A height in imperial is two boxes, named after the field's key with these suffixes. */
export const FEET_SUFFIX = ".ft";
export const INCHES_SUFFIX = ".in";

/**
 * The element under `scope` that matches `selector`, checked to be a `type`: the markup's promise, kept.
 * @template {typeof Element} T
 * @param {ParentNode} scope
 * @param {string} selector
 * @param {T} type
 * @returns {InstanceType<T>}
 */
export function one(scope, selector, type) {
  const element = maybe(scope, selector, type);
  if (!element) throw new Error(`the widget's markup has no ${selector}`);
  return element;
}

/**
 * Like `one()`, for an element the markup may leave out (the unit toggle of a calculator without dual units).
 * @template {typeof Element} T
 * @param {ParentNode} scope
 * @param {string} selector
 * @param {T} type
 * @returns {InstanceType<T> | null}
 */
export function maybe(scope, selector, type) {
  const element = scope.querySelector(selector);
  if (element === null) return null;
  const tag = element.tagName;
  if (!(element instanceof type)) throw new TypeError(`${selector} is a <${tag}>`);
  return /** @type {InstanceType<T>} */ (element);
}

/**
 * Every element under `scope` that matches `selector`, each checked to be a `type`.
 * @template {typeof Element} T
 * @param {ParentNode} scope
 * @param {string} selector
 * @param {T} type
 * @returns {InstanceType<T>[]}
 */
export function all(scope, selector, type) {
  const found = [...scope.querySelectorAll(selector)];
  for (const element of found) {
    const tag = element.tagName;
    if (!(element instanceof type)) throw new TypeError(`${selector} is a <${tag}>`);
  }
  return /** @type {InstanceType<T>[]} */ (found);
}
