// @ts-check
// The page's side of the worker boundary: one module Web Worker per page session, created on first use and kept
// in this module's scope, so it survives Material's instant navigation (the document is never reloaded).
// Requests are matched to replies by id; nothing is sent before Python reports "ready".
// A calculation that hangs is stopped: when the worker owes a reply for longer than CALL_LIMIT_MS, it is
// terminated, every pending call fails with the "restarting" message, and a new worker boots in its place.
import { CONVERT, DEBUG_BUSY, DEBUG_FLAG, RUN, STATUS, STAGES, isStatus, pageGlobals, request, status } from "./messages.mjs";

/** @typedef {import("./messages.mjs").Request} Request */
/** @typedef {import("./messages.mjs").Reply} Reply */
/** @typedef {import("./messages.mjs").RunReply} RunReply */
/** @typedef {import("./messages.mjs").ConvertReply} ConvertReply */
/** @typedef {import("./messages.mjs").ConvertField} ConvertField */
/** @typedef {import("./messages.mjs").Inputs} Inputs */
/** @typedef {import("./messages.mjs").Status} Status */
/** @typedef {import("./messages.mjs").RuntimeStats} RuntimeStats */
/** @typedef {ReturnType<typeof createClient>} Client */

export const BOOT_LIMIT_MS = 30_000;
// A compute takes 5–20 ms in the worker; even a device a hundred times slower answers well within this.
export const CALL_LIMIT_MS = 5_000;

/** @type {Client | undefined} */
let client;

/**
 * The worker boot.js started (from the page, before its first widget) before this module loaded, if it is the
 * one we would start; taken once, so a restart after a hang always starts a fresh worker.
 */
function adoptEarlyWorker(/** @type {URL} */ url) {
  const early = pageGlobals.legworkEarlyWorker;
  pageGlobals.legworkEarlyWorker = null;
  if (!early || early.url === url.href) return early ?? null;
  early.cancelled = true;
  early.worker?.terminate();
  return null;
}

/** The page session's client; the worker starts on the first call. */
export function getClient() {
  client ??= createClient();
  return client;
}

function createClient() {
  /** @type {Map<number, {resolve: (reply: Reply) => void, reject: (error: Error) => void}>} calls owed a reply */
  const pending = new Map();
  /** @type {Set<(status: Status) => void>} */
  const listeners = new Set();
  const debugging = new URLSearchParams(location.search).has(DEBUG_FLAG);
  let nextId = 1;
  let current = status("runtime");
  /** @type {Worker | undefined} unset while boot.js's worker waits for the page's first paint */
  let worker;
  /** @type {Promise<void>} resolved when Python reports "ready", rejected when it cannot start */
  let ready;
  /** @type {{resolve: () => void, reject: (error: Error) => void}} */
  let settle;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let bootTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let callTimer;
  /** @type {number} performance.now() when the current worker was started */
  let started;

  // The debugging and test hook: how many workers this page session started, and how long the last boot took.
  /** @type {RuntimeStats} */
  const stats = { workersStarted: 0, readyMs: null, stage: current.stage, boot: null };
  pageGlobals.legworkRuntime = stats;
  if (debugging) stats.debugBusy = (seconds) => call(DEBUG_BUSY, { seconds });
  start();

  function start() {
    started = performance.now();
    stats.workersStarted += 1;
    ready = new Promise((/** @type {() => void} */ resolve, reject) => {
      settle = { resolve, reject };
    });
    ready.catch(() => {}); // callers see the failure through their own awaits and the "error" status
    bootTimer = setTimeout(() => fail(`${STAGES.error}: Python took more than 30 seconds to start.`), BOOT_LIMIT_MS);
    const url = new URL("./worker.mjs", import.meta.url);
    if (debugging) url.searchParams.set(DEBUG_FLAG, "");
    const early = adoptEarlyWorker(url);
    if (early && Number.isNaN(early.started)) early.whenStarted = () => attach(url, early);
    else attach(url, early);
  }

  /** Take the worker boot.js started, or start one (also when boot.js could not). */
  function attach(/** @type {URL} */ url, /** @type {EarlyWorker | null} */ early) {
    const taken = early?.worker ? early : null;
    if (taken) started = taken.started;
    const own = taken?.worker ?? new Worker(url, { type: "module", name: "legwork-python" });
    own.onmessage = ({ data }) => own === worker && receive(data);
    own.onerror = (event) => {
      event.preventDefault();
      if (own === worker) fail(`${STAGES.error}: the Python worker could not start.`);
    };
    worker = own;
    if (taken?.failed) fail(`${STAGES.error}: the Python worker could not start.`);
    else for (const data of taken?.messages ?? []) receive(data);
  }

  function receive(/** @type {Reply | Status | undefined} */ data) {
    if (isStatus(data)) {
      if (data.stage === "error") fail(data.message);
      else if (current.stage === "restarting" && data.stage !== "ready") return; // keep saying why
      else if (current.stage !== "error") {
        if (data.stage === "ready") {
          clearTimeout(bootTimer);
          stats.readyMs = Math.round(performance.now() - started);
          stats.boot = data.boot ?? null;
          settle.resolve();
        }
        publish(data);
      }
      return;
    }
    if (data?.id == null) return;
    const entry = pending.get(data.id);
    if (entry) {
      pending.delete(data.id);
      entry.resolve(data);
      watch();
    }
  }

  function publish(/** @type {Status} */ next) {
    current = next;
    stats.stage = next.stage;
    for (const listener of listeners) listener(next);
  }

  function fail(/** @type {string} */ message) {
    if (current.stage === "error") return;
    clearTimeout(bootTimer);
    clearTimeout(callTimer);
    worker?.terminate();
    publish({ type: STATUS, stage: "error", message });
    settle.reject(new Error(message));
    rejectPending(message);
  }

  /** The time limit: armed while a reply is owed, re-armed by each reply, so it times the call at the head. */
  function watch(restart = true) {
    if (restart || pending.size === 0) {
      clearTimeout(callTimer);
      callTimer = undefined;
    }
    if (pending.size > 0 && callTimer === undefined) callTimer = setTimeout(stopHung, CALL_LIMIT_MS);
  }

  function stopHung() {
    callTimer = undefined;
    worker?.terminate();
    publish(status("restarting"));
    rejectPending(STAGES.restarting);
    start();
  }

  function rejectPending(/** @type {string} */ message) {
    for (const entry of pending.values()) entry.reject(new Error(message));
    pending.clear();
  }

  /**
   * Send a request of `type` once Python is ready; resolves with the worker's reply to it.
   * @template {Request["type"]} T
   * @param {T} type
   * @param {Omit<Extract<Request, {type: T}>, "id" | "type">} payload
   * @returns {Promise<Reply>}
   */
  async function call(type, payload) {
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      /** @type {Worker} ready, so started */ (worker).postMessage(request(id, type, payload));
      watch(false);
    });
  }

  return {
    get ready() {
      return ready;
    },
    get status() {
      return current;
    },
    /** Call `listener(status)` now and on every change; returns the unsubscribe function. */
    subscribe(/** @type {(status: Status) => void} */ listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    /** The worker answers a run request with a RunReply (see messages.mjs). */
    run: (/** @type {string} */ name, /** @type {Inputs} */ inputs, /** @type {"metric" | "imperial"} */ system) =>
      /** @type {Promise<RunReply>} */ (call(RUN, { name, inputs, system })),
    /** The worker answers a convert request with a ConvertReply. */
    convert: (/** @type {ConvertField[]} */ fields) => /** @type {Promise<ConvertReply>} */ (call(CONVERT, { fields })),
  };
}
