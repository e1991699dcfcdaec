// The page's side of the worker boundary: one module Web Worker per page session, created on first use and kept
// in this module's scope, so it survives Material's instant navigation (the document is never reloaded).
// Requests are matched to replies by id; nothing is sent before Python reports "ready".
// A calculation that hangs is stopped: when the worker owes a reply for longer than CALL_LIMIT_MS, it is
// terminated, every pending call fails with the "restarting" message, and a new worker boots in its place.
import { CONVERT, DEBUG_BUSY, DEBUG_FLAG, RUN, STATUS, STAGES, request, status } from "./messages.mjs";

export const BOOT_LIMIT_MS = 30_000;
// A compute takes 5–20 ms in the worker; even a device a hundred times slower answers well within this.
export const CALL_LIMIT_MS = 5_000;

let client;

/**
 * The worker boot.js started from <head> before this module loaded, if it is the one we would start; taken
 * once, so a restart after a hang always starts a fresh worker.
 */
function adoptEarlyWorker(url) {
  const early = globalThis.legworkEarlyWorker;
  globalThis.legworkEarlyWorker = null;
  if (!early?.worker) return null;
  if (early.url === url.href) return early;
  early.worker.terminate();
  return null;
}

/** The page session's client; the worker starts on the first call. */
export function getClient() {
  client ??= createClient();
  return client;
}

function createClient() {
  const pending = new Map();
  const listeners = new Set();
  const debugging = new URLSearchParams(location.search).has(DEBUG_FLAG);
  let nextId = 1;
  let current = status("runtime");
  let worker, ready, settle, bootTimer, callTimer, started;

  // The debugging and test hook: how many workers this page session started, and how long the last boot took.
  const stats = (globalThis.legworkRuntime = { workersStarted: 0, readyMs: null, stage: current.stage });
  if (debugging) stats.debugBusy = (seconds) => call(DEBUG_BUSY, { seconds });
  start();

  function start() {
    started = performance.now();
    stats.workersStarted += 1;
    ready = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    ready.catch(() => {}); // callers see the failure through their own awaits and the "error" status
    bootTimer = setTimeout(() => fail(`${STAGES.error}: Python took more than 30 seconds to start.`), BOOT_LIMIT_MS);
    const url = new URL("./worker.mjs", import.meta.url);
    if (debugging) url.searchParams.set(DEBUG_FLAG, "");
    const early = adoptEarlyWorker(url);
    if (early) started = early.started;
    const own = early?.worker ?? new Worker(url, { type: "module", name: "legwork-python" });
    own.onmessage = ({ data }) => own === worker && receive(data);
    own.onerror = (event) => {
      event.preventDefault();
      if (own === worker) fail(`${STAGES.error}: the Python worker could not start.`);
    };
    worker = own;
    if (early?.failed) fail(`${STAGES.error}: the Python worker could not start.`);
    else for (const data of early?.messages ?? []) receive(data);
  }

  function receive(data) {
    if (data?.type === STATUS) {
      if (data.stage === "error") fail(data.message);
      else if (current.stage === "restarting" && data.stage !== "ready") return; // keep saying why
      else if (current.stage !== "error") {
        if (data.stage === "ready") {
          clearTimeout(bootTimer);
          stats.readyMs = Math.round(performance.now() - started);
          settle.resolve();
        }
        publish(data);
      }
      return;
    }
    const entry = pending.get(data?.id);
    if (entry) {
      pending.delete(data.id);
      entry.resolve(data);
      watch();
    }
  }

  function publish(next) {
    current = next;
    stats.stage = next.stage;
    for (const listener of listeners) listener(next);
  }

  function fail(message) {
    if (current.stage === "error") return;
    clearTimeout(bootTimer);
    clearTimeout(callTimer);
    worker.terminate();
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
    worker.terminate();
    publish(status("restarting"));
    rejectPending(STAGES.restarting);
    start();
  }

  function rejectPending(message) {
    for (const entry of pending.values()) entry.reject(new Error(message));
    pending.clear();
  }

  async function call(type, payload) {
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage(request(id, type, payload));
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
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    run: (name, inputs) => call(RUN, { name, inputs }),
    convert: (fields) => call(CONVERT, { fields }),
  };
}
