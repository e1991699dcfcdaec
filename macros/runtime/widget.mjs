// @ts-check
// One calculator widget: DOM only. It reads the raw entries and their units, asks the client (Python) for the
// answer, and writes back the text Python returns — it never parses, converts, computes or formats a number.
// The server-rendered answer stays until Python has a better one. This module only schedules: reading the form
// (form-read.mjs), writing the reply (reply-write.mjs), the unit toggle (units.mjs) and the URL (url-state.mjs)
// are their own modules, and everything the scheduler knows is one state object.
import { changedFromHtml, readInputs } from "./form-read.mjs";
import { DATA, one } from "./hooks.mjs";
import { mountVoice, writeReply } from "./reply-write.mjs";
import { isUnitRadio, isUnitSystem, mountUnits } from "./units.mjs";
import { mountSeriesGrids } from "./series-grid.mjs";
import { mountShare } from "./share.mjs";
import { restoreFromUrl, saveToUrl } from "./url-state.mjs";

/** @typedef {import("./client.mjs").Client} Client */
/** @typedef {import("./messages.mjs").Status} Status */

const RESTARTED = "Python restarted. The answer shown is for earlier entries; change an entry to calculate again.";
const STATIC_ANSWER = "The answer shown is for the default values.";

/**
 * Everything the scheduler knows about one widget.
 * @typedef {object} WidgetState
 * @property {"idle" | "computing" | "disposed"} phase
 *   idle: no call owed; computing: exactly one call in flight (never two); disposed: the widget left the page.
 * @property {boolean} dirty
 *   The entries changed since the answer shown (or the one in flight) was asked for: they want a call.
 * @property {boolean} stopped
 *   The last call was stopped (time limit, Python gone): these entries have no answer, and are not sent again by
 *   themselves, since they may hang again.
 * @property {boolean} share  The reader changed entries that the URL does not hold yet.
 * @property {string | null} answered  The entries and unit system of the answer shown (as JSON), so that the
 *   change event that follows the input event for the same entry does not ask Python again; its late reply
 *   would write over what the reader did meanwhile (a "Link copied." note).
 */

/**
 * Bring the widget under `root` to life; returns a function that detaches it (before the next page).
 * @param {HTMLElement} root
 * @param {Client} client
 */
export function mount(root, client) {
  const form = one(root, "form", HTMLFormElement);
  const name = root.dataset[DATA.calculator] ?? "";
  const namespace = root.dataset[DATA.instance] ?? "";
  // Entries the reader changed before this ran (the runtime arrives after the first paint): the server-rendered
  // answer is not theirs. Read first, before the unit toggle or a shared link write into the form.
  const typedEarly = changedFromHtml(form, isUnitRadio);
  const voice = mountVoice(root);
  const units = mountUnits(root, form, client.convert);
  const grids = mountSeriesGrids(form);
  const detachShare = mountShare(root, voice, () => saveToUrl(form, namespace, units.hasToggle ? units.current() : null));
  /** @type {WidgetState} */
  const state = { phase: "idle", dirty: false, stopped: false, share: false, answered: null };

  // Entries from a shared link, else the reader's stored unit system, else their early typing: the server-rendered
  // answer is not theirs.
  state.dirty = restoreFromUrl(form, namespace, units.hasToggle ? units.show : null) || units.restoreStored() || typedEarly;
  grids.refill(); // a series from the URL is in its text box; its grid shows it
  root.dataset[DATA.state] = "loading";

  const onInput = (/** @type {Event} */ event) => {
    if (!isUnitRadio(event.target)) edited();
  };
  const onChange = (/** @type {Event} */ event) => {
    if (isUnitRadio(event.target)) switchUnits(event.target.value);
    else edited();
  };
  const onSubmit = (/** @type {Event} */ event) => {
    event.preventDefault();
    edited();
  };
  form.addEventListener("input", onInput);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", onSubmit);
  const unsubscribe = client.subscribe(onStatus);

  return () => {
    state.phase = "disposed";
    unsubscribe();
    detachShare();
    grids.detach();
    form.removeEventListener("input", onInput);
    form.removeEventListener("change", onChange);
    form.removeEventListener("submit", onSubmit);
  };

  /** The reader changed an entry (or asked for the answer): compute it, and keep it in the URL. */
  function edited() {
    state.dirty = true;
    state.share = true;
    compute();
  }

  async function switchUnits(/** @type {string} */ value) {
    if (isUnitSystem(value) && (await units.switchTo(value))) edited();
  }

  /** Ask Python for the answer; at most one call in flight, and the latest entries always win. */
  async function compute() {
    if (state.phase !== "idle") return; // computing: the loop below sees `dirty` and asks again
    state.phase = "computing";
    try {
      while (state.dirty) {
        state.dirty = false;
        const inputs = readInputs(form);
        const system = units.current();
        const asked = JSON.stringify([inputs, system]);
        if (asked !== state.answered) {
          const reply = await client.run(name, inputs, system);
          if (disposed()) return;
          state.stopped = false;
          state.answered = asked;
          writeReply(root, voice, reply);
        }
        if (state.share) {
          state.share = false;
          saveToUrl(form, namespace, units.hasToggle ? units.current() : null);
        }
      }
    } catch {
      // the client has published the "error" or "restarting" status; the answer shown stays
      state.stopped = true;
      state.dirty = true;
      state.answered = null;
    } finally {
      if (!disposed()) state.phase = "idle";
    }
  }

  function onStatus(/** @type {Status} */ { stage, message }) {
    if (disposed()) return;
    if (stage === "error") {
      root.dataset[DATA.state] = "error";
      voice.say(`${message}. ${STATIC_ANSWER}`);
      units.disable();
      return;
    }
    voice.say(message);
    if (stage === "restarting") {
      root.dataset[DATA.state] = "loading";
      voice.announce(message);
    } else if (stage === "ready") {
      if (state.stopped) voice.say(RESTARTED);
      if (state.dirty && !state.stopped) compute().then(markReady);
      else markReady();
    }
  }

  function markReady() {
    if (!disposed() && root.dataset[DATA.state] !== "error") root.dataset[DATA.state] = "ready";
  }

  /** Read afresh after each await: the page may have moved on meanwhile. */
  function disposed() {
    return state.phase === "disposed";
  }
}
