// @ts-check
// The worker boundary's vocabulary. Only plain JSON crosses it, so both sides can be tested apart.
// Every shape that crosses it is declared here once, as a JSDoc type that `make lint` checks (tsc --checkJs):
//   page → worker: RunRequest | ConvertRequest | (debugging only) BusyRequest
//   worker → page: RunReply | ConvertReply | BusyReply, each with the request's id; Status, without one.
//   The client itself publishes "restarting" when a call ran past its time limit and the worker was replaced.
//   Debugging only, honoured by a worker started for a page whose URL has the `legwork-debug` flag:
//   page → worker: {id, type: "debug-busy", seconds}  → a real Python busy loop, then {id, ok: true}

export const RUN = "run";
export const CONVERT = "convert";
export const STATUS = "status";
export const DEBUG_BUSY = "debug-busy";
export const DEBUG_FLAG = "legwork-debug";

export const STAGES = Object.freeze({
  runtime: "Loading Python runtime…",
  calculators: "Loading calculators…",
  ready: "Ready: results update as you type.",
  error: "Live calculation is unavailable",
  restarting: "The calculation took too long and was stopped; Python is restarting…",
});

// --- what the page sends ---------------------------------------------------------------------------------

/** @typedef {string | number | boolean | null} Scalar a choice's value, as its option's `data-json` holds it */
/** @typedef {{ft: string, in: string}} FeetInches a height in imperial: the text of its two boxes */
/**
 * One entry as the widget reads it: the raw text of a box in the calculator's own unit, the text with the unit
 * it was typed in, feet + inches, a choice's value, a checkbox's state, or "" for an empty box.
 * @typedef {Scalar | {value: string, unit: string} | {value: FeetInches, unit: "ft_in"}} Entry
 */
/** @typedef {Record<string, Entry>} Inputs */
/** @typedef {{id: number, type: typeof RUN, name: string, inputs: Inputs, system: "metric" | "imperial"}} RunRequest */
/**
 * One dual-unit field's entry to re-express in the other system; `step` is the precision to round it to.
 * @typedef {{key: string, value: string | FeetInches, from: string, to: string, step: number}} ConvertField
 */
/** @typedef {{id: number, type: typeof CONVERT, fields: ConvertField[]}} ConvertRequest */
/** @typedef {{id: number, type: typeof DEBUG_BUSY, seconds: number}} BusyRequest */
/** @typedef {RunRequest | ConvertRequest | BusyRequest} Request */

// --- what the worker answers -----------------------------------------------------------------------------

/** @typedef {{message: string, code?: string}} Warning */
/**
 * What run() computed. The page shows the HTML Python wrote from it (below) and never reads these values itself.
 * @typedef {{values: Record<string, unknown>, warnings?: Warning[], steps: string[]}} Result
 */
/**
 * A computed answer, in the reader's unit system: `html` holds, for each part of the widget marked
 * `data-<key>` (results, details, chart), the inside Python rendered for it; `display` each output's text.
 * @typedef {{id: number, ok: true, result: Result, html: Record<string, string>, display: Record<string, string>}} Answer
 */
/**
 * Entries Python refused, each with its message, by field key (a key that names no field is about the request).
 * @typedef {{id: number | null, ok: false, errors: Record<string, string>}} Refusal
 */
/** @typedef {Answer | Refusal} RunReply */
/** @typedef {{id: number, ok: true, values: Record<string, string | FeetInches>} | Refusal} ConvertReply */
/** @typedef {{id: number, ok: true} | Refusal} BusyReply */
/** @typedef {RunReply | ConvertReply | BusyReply} Reply */

/** @typedef {keyof typeof STAGES} Stage */
/**
 * How the worker's Python started: restored from the snapshot a visit before kept ("snapshot"), started
 * afresh from the trimmed standard library ("fresh"), or from Pyodide's stock one after it lacked a module.
 * @typedef {"snapshot" | "fresh" | "stock"} Boot
 */
/** A stage reached; "ready" also says how Python started. @typedef {{type: typeof STATUS, stage: Stage, message: string, boot?: Boot}} Status */

/** A status message: the stage's own words, with what went wrong after a colon. */
export function status(/** @type {Stage} */ stage, detail = "") {
  /** @type {Status} */
  const message = { type: STATUS, stage, message: detail ? `${STAGES[stage]}: ${detail}` : STAGES[stage] };
  return message;
}

/**
 * Whether a message from the worker is a status (replies carry an id instead).
 * @returns {message is Status}
 */
export function isStatus(/** @type {unknown} */ message) {
  return typeof message === "object" && message !== null && "type" in message && message.type === STATUS;
}

/**
 * A request of `type` with its `payload` and the id its reply will carry.
 * @template {Request["type"]} T
 * @param {number} id
 * @param {T} type
 * @param {Omit<Extract<Request, {type: T}>, "id" | "type">} payload
 * @returns {Extract<Request, {type: T}>}
 */
export function request(id, type, payload) {
  return /** @type {Extract<Request, {type: T}>} */ ({ id, type, ...payload });
}

// --- what the page's scripts share on globalThis ---------------------------------------------------------

/**
 * boot.js → client.mjs: the worker started from the page before its first widget (`worker` is unset until the
 * page's first paint), with the messages it sent before client.mjs took it; `whenStarted` is the client's call
 * once it is, `cancelled` its no.
 * @typedef {{url: string, started: number, messages: (Reply | Status)[], failed: boolean, worker?: Worker, whenStarted?: () => void, cancelled?: boolean}} EarlyWorker
 */
/**
 * The debugging and test hook: how many workers this page session started, how long the last boot took and how
 * Python started, the client's stage, and (under `legwork-debug`) a way to keep Python busy.
 * @typedef {{workersStarted: number, readyMs: number | null, stage: Stage, boot: Boot | null, debugBusy?: (seconds: number) => Promise<Reply>}} RuntimeStats
 */
/** Material's page observable, present under instant navigation. @typedef {{subscribe(next: () => void): unknown}} PageObservable */
/**
 * @typedef {object} PageGlobals
 * @property {EarlyWorker | null} [legworkEarlyWorker]
 * @property {RuntimeStats} [legworkRuntime]
 * @property {PageObservable} [document$]
 */

/** globalThis, with the names above (the page's scripts only). */
export const pageGlobals = /** @type {typeof globalThis & PageGlobals} */ (globalThis);
