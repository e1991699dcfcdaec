// @ts-check
// The training-load grid (macros/render.py `_series_grid`): a row a week, a box a day, the latest day last. The
// field's entry is its text box ("Paste a series as text"): what Python reads, what the URL keeps. This module only
// moves text between the two: the days typed in the grid are written into the text box as the reader would have
// typed them there, and a series pasted into the text box (or into a day's box) is spread over the grid. A session
// from the session builder is appended to its day as "RPExminutes". It never reads a number, multiplies or sums:
// Python does, and says what is wrong with a day.
import { DATA, SELECT, all, maybe, one } from "./hooks.mjs";

/** What an empty day after the first one given stands for: a rest day (Python refuses an empty value). */
export const REST_DAY = "0";

// The same separators as calculators/parsing.py's `_SERIES_SEPARATOR`, after `_PRODUCT_SPACING` has joined each
// day's sessions ("6 x 45 + 4 x 30" is one day): used only to spread pasted text over the boxes.
const SEPARATOR = /\s*[,;\n]\s*|\s+/;
const OPERATOR_SPACING = /\s*([x×*+])\s*/gi;
const TRAILING_SEPARATORS = /[,;]+$/;

/**
 * The grid's days as the text the reader would type: from the first day given on, an empty day written as 0,
 * days joined by ", " and each week on its own line (render.py's `series_text` writes the default the same way).
 * @param {string[]} days  every box's text, oldest first
 * @param {number} weekDays
 */
export function seriesText(days, weekDays) {
  const first = days.findIndex((day) => day.trim() !== "");
  if (first < 0) return "";
  /** @type {string[][]} */
  const lines = [];
  for (let index = first; index < days.length; index++) {
    if (lines.length === 0 || index % weekDays === 0) lines.push([]);
    lines[lines.length - 1]?.push(days[index]?.trim() || REST_DAY);
  }
  return lines.map((line) => line.join(", ")).join("\n");
}

/**
 * The days a text holds, each as typed, split where Python splits them. `sessions`: the series takes days written
 * as sessions, so spaces around x, × , * and + do not separate days.
 */
export function seriesDays(/** @type {string} */ text, /** @type {boolean} */ sessions) {
  let cleaned = text.trim().replace(TRAILING_SEPARATORS, "").trimEnd();
  if (sessions) cleaned = cleaned.replace(OPERATOR_SPACING, "$1");
  return cleaned === "" ? [] : cleaned.split(SEPARATOR);
}

/**
 * Wire every grid in `form`; returns `refill()`, which spreads each text box over its grid again (after the URL
 * put a shared series into it), and `detach()`.
 * @param {HTMLFormElement} form
 */
export function mountSeriesGrids(form) {
  const grids = all(form, `table${SELECT.seriesGrid}`, HTMLTableElement).map(mountGrid);
  return {
    refill() {
      for (const grid of grids) grid.refill();
    },
    detach() {
      for (const grid of grids) grid.detach();
    },
  };
}

/** One grid, its text box and its session builder. */
function mountGrid(/** @type {HTMLTableElement} */ table) {
  const field = /** @type {HTMLElement} */ (table.closest(SELECT.field));
  const text = one(field, "textarea", HTMLTextAreaElement);
  const boxes = all(table, SELECT.seriesDay, HTMLInputElement);
  const weekDays = Number(table.dataset[DATA.seriesGrid]) || boxes.length;
  const builder = maybe(field, SELECT.sessionBuilder, HTMLElement);
  const sessions = builder !== null;

  /** Days typed in the grid: the text box holds them as text, before the widget (on the form) reads it. */
  const onGridInput = () => {
    text.value = seriesText(
      boxes.map((box) => box.value),
      weekDays,
    );
  };
  /** A series typed or pasted as text: the grid shows it, the latest day last. */
  const onTextInput = () => spread(text.value);
  /** Several days pasted into one box: they go to the text box as pasted, and from it over the grid. */
  const onPaste = (/** @type {ClipboardEvent} */ event) => {
    const pasted = event.clipboardData?.getData("text/plain") ?? "";
    if (seriesDays(pasted, sessions).length < 2) return;
    event.preventDefault();
    text.value = pasted.trim();
    text.dispatchEvent(new Event("input", { bubbles: true }));
  };
  table.addEventListener("input", onGridInput);
  table.addEventListener("paste", onPaste);
  text.addEventListener("input", onTextInput);
  const detachBuilder = builder ? mountBuilder(builder, boxes) : () => {};

  return {
    refill: () => spread(text.value),
    detach() {
      table.removeEventListener("input", onGridInput);
      table.removeEventListener("paste", onPaste);
      text.removeEventListener("input", onTextInput);
      detachBuilder();
    },
  };

  /** Put `value`'s days into the boxes, the last day in the last box; more days than boxes leave the grid as is
   * (Python says how many it takes). */
  function spread(/** @type {string} */ value) {
    const days = seriesDays(value, sessions);
    if (days.length > boxes.length) return;
    const offset = boxes.length - days.length;
    boxes.forEach((box, index) => {
      box.value = index < offset ? "" : (days[index - offset] ?? "");
    });
  }
}

/**
 * The session builder: the day follows the box last focused; "Add session" appends "RPExminutes" to that day's
 * text (joined by "+" to what it holds) and lets the form hear it as the reader's input. Its own controls are not
 * entries, so their events stop here.
 * @param {HTMLElement} builder
 * @param {HTMLInputElement[]} boxes
 */
function mountBuilder(builder, boxes) {
  const day = one(builder, SELECT.sessionDay, HTMLSelectElement);
  const rpe = one(builder, SELECT.sessionRpe, HTMLSelectElement);
  const minutes = one(builder, SELECT.sessionMinutes, HTMLInputElement);
  const add = one(builder, SELECT.addSession, HTMLButtonElement);
  builder.hidden = false;

  const grid = boxes[0]?.closest("table");
  const onFocus = (/** @type {FocusEvent} */ event) => {
    const box = event.target;
    const place = box instanceof HTMLInputElement ? box.dataset[DATA.seriesDay] : undefined;
    if (place) day.value = place;
  };
  const keep = (/** @type {Event} */ event) => event.stopPropagation();
  const onAdd = () => {
    const box = boxes.find((candidate) => candidate.dataset[DATA.seriesDay] === day.value);
    if (!box) return;
    const session = `${rpe.value}x${minutes.value.trim()}`;
    const held = box.value.trim();
    box.value = held === "" ? session : `${held}+${session}`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const onEnter = (/** @type {KeyboardEvent} */ event) => {
    if (event.key !== "Enter") return;
    event.preventDefault(); // Enter in the minutes box adds the session rather than submitting the form
    onAdd();
  };
  grid?.addEventListener("focusin", onFocus);
  builder.addEventListener("input", keep);
  builder.addEventListener("change", keep);
  minutes.addEventListener("keydown", onEnter);
  add.addEventListener("click", onAdd);
  return () => {
    grid?.removeEventListener("focusin", onFocus);
    builder.removeEventListener("input", keep);
    builder.removeEventListener("change", keep);
    minutes.removeEventListener("keydown", onEnter);
    add.removeEventListener("click", onAdd);
  };
}
