// @ts-check
// Writing into the widget: Python's reply (outputs, per-field errors, warnings, steps), the status line and the
// live region. It writes the text Python returns and never formats a number itself.
import { STAGES } from "./messages.mjs";
import { DATA, OUTPUT_ROW_CLASS, SELECT, all, one, selectWith } from "./hooks.mjs";

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
  for (const output of all(root, SELECT.output, HTMLElement)) {
    const key = output.dataset[DATA.output] ?? "";
    output.textContent = reply.display[key];
    output.dataset[DATA.value] = reply.data[key];
  }
  const warnings = reply.result.warnings ?? [];
  const list = one(root, SELECT.warnings, HTMLElement);
  list.replaceChildren(...warnings.map((warning) => item(warning.message, DATA.code, warning.code ?? "")));
  list.hidden = warnings.length === 0;
  one(root, SELECT.steps, HTMLElement).replaceChildren(...reply.result.steps.map((step) => item(step)));
  voice.announce(summary(root, warnings));
}

/** Each field's error line shows its message (or hides), and its controls say whether they are invalid. */
function markErrors(/** @type {HTMLElement} */ root, /** @type {Record<string, string>} */ errors) {
  for (const slot of all(root, SELECT.errorFor, HTMLElement)) {
    const message = errors[slot.dataset[DATA.errorFor] ?? ""];
    slot.textContent = message ?? "";
    slot.hidden = !message;
    const field = slot.closest(SELECT.field);
    for (const control of field?.querySelectorAll("input, select, textarea") ?? []) {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

/** What the live region reads after an answer: each output row's text, then the warnings. */
function summary(/** @type {HTMLElement} */ root, /** @type {Warning[]} */ warnings) {
  const parts = [...root.querySelectorAll(`.${OUTPUT_ROW_CLASS}`)].map((row) =>
    (row.textContent ?? "").replace(/\s+/g, " ").trim(),
  );
  return `Result: ${parts.join("; ")}.${warnings.length ? ` ${warnings.map((w) => w.message).join(" ")}` : ""}`;
}

function item(/** @type {string} */ text, dataKey = "", value = "") {
  const li = document.createElement("li");
  li.textContent = text;
  if (dataKey) li.dataset[dataKey] = value;
  return li;
}
