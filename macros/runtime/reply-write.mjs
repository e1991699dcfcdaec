// @ts-check
// Writing into the widget: Python's reply (outputs, per-field errors, warnings, steps), the status line and the
// live region. It writes the text Python returns and never formats a number itself.
import { STAGES } from "./messages.mjs";
import { DATA, OUTPUT_ROW_CLASS, SELECT, all, one, partSelector, selectWith } from "./hooks.mjs";

/** @typedef {import("./messages.mjs").RunReply} RunReply */
/** @typedef {import("./messages.mjs").Warning} Warning */

const CHECK_ENTRIES = "Check the highlighted entries.";

/** The widget's voice: its status line and its live region. */
export function mountVoice(/** @type {HTMLElement} */ root) {
  const statusLine = one(root, SELECT.status, HTMLElement);
  const announcer = one(root, SELECT.announce, HTMLElement);
  return {
    /** The status line under the form (read when looked at). */
    say(/** @type {string} */ text) {
      statusLine.textContent = text;
    },
    /** The live region (read out by a screen reader when it changes). */
    announce(/** @type {string} */ text) {
      announcer.textContent = text;
    },
  };
}

/** @typedef {ReturnType<typeof mountVoice>} Voice */

/** Show `reply`: a refusal marks the fields it names; an answer replaces outputs, warnings and steps. */
export function writeReply(/** @type {HTMLElement} */ root, /** @type {Voice} */ voice, /** @type {RunReply} */ reply) {
  const errors = reply.ok ? {} : reply.errors ?? {};
  markErrors(root, errors);
  const stale = root.querySelector(SELECT.staleNote);
  if (stale instanceof HTMLElement) stale.hidden = reply.ok;
  if (!reply.ok) {
    root.dataset[DATA.invalid] = "true";
    const unplaced = Object.entries(errors)
      .filter(([key]) => !root.querySelector(selectWith("errorFor", key)))
      .map(([, message]) => message);
    voice.say(unplaced.length ? unplaced.join(" ") : CHECK_ENTRIES);
    voice.announce(Object.values(errors).join(" "));
    return;
  }
  delete root.dataset[DATA.invalid];
  voice.say(STAGES.ready);
  // Each part Python rendered (results, details, chart) replaces the inside of the element marked for it; the
  // element itself stays, so a <details> the reader opened stays open.
  for (const [part, html] of Object.entries(reply.html)) {
    const target = root.querySelector(partSelector(part));
    if (target instanceof HTMLElement && target.innerHTML !== html) swapKeepingPlace(target, html);
  }
  voice.announce(summary(root, reply.result.warnings ?? []));
}

const FOCUSABLE = "summary, a[href], button, input, select, textarea";

/**
 * Replace `target`'s inside with `html`, keeping the reader's place: the same-placed <details> stay open or shut,
 * and focus inside it moves to the control in the same place (a swap never drops keyboard focus to the page).
 */
function swapKeepingPlace(/** @type {HTMLElement} */ target, /** @type {string} */ html) {
  const opened = [...target.querySelectorAll("details")].map((details) => details.open);
  const active = document.activeElement;
  const place = active && target.contains(active) ? [...target.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
  target.innerHTML = html;
  target.querySelectorAll("details").forEach((details, index) => {
    if (index < opened.length) details.open = Boolean(opened[index]);
  });
  const again = place >= 0 ? target.querySelectorAll(FOCUSABLE)[place] : null;
  if (again instanceof HTMLElement) again.focus();
}

/** Each field's error line shows its message (or hides), and its controls say whether they are invalid. */
function markErrors(/** @type {HTMLElement} */ root, /** @type {Record<string, string>} */ errors) {
  for (const slot of all(root, SELECT.errorFor, HTMLElement)) {
    const message = errors[slot.dataset[DATA.errorFor] ?? ""];
    slot.textContent = message ?? "";
    slot.hidden = !message;
    const field = slot.closest(SELECT.field);
    for (const control of field?.querySelectorAll("input, select, textarea") ?? []) {
      if (control.closest(SELECT.sessionBuilder)) continue; // a session being composed is not the entry
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

/** What the live region reads after an answer: the headline, each output row's text, then the warnings. */
function summary(/** @type {HTMLElement} */ root, /** @type {Warning[]} */ warnings) {
  const parts = [...root.querySelectorAll(`${SELECT.headline}, .${OUTPUT_ROW_CLASS}`)].map((row) =>
    (row.textContent ?? "").replace(/\s+/g, " ").trim(),
  );
  return `Result: ${parts.join("; ")}.${warnings.length ? ` ${warnings.map((w) => w.message).join(" ")}` : ""}`;
}

