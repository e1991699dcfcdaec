// The page's side of the worker boundary: one module Web Worker per page session, created on first use and kept
// in this module's scope, so it survives Material's instant navigation (the document is never reloaded).
// Requests are matched to replies by id; nothing is sent before Python reports "ready".
import { CONVERT, RUN, STATUS, STAGES, request, status } from "./messages.mjs";

export const BOOT_LIMIT_MS = 30_000;

let client;

/** The page session's client; the worker starts on the first call. */
export function getClient() {
  client ??= createClient();
  return client;
}

function createClient() {
  const started = performance.now();
  const pending = new Map();
  const listeners = new Set();
  let nextId = 1;
  let current = status("runtime");
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {}); // callers see the failure through their own awaits and the "error" status
  const timer = setTimeout(() => fail(`${STAGES.error}: Python took more than 30 seconds to start.`), BOOT_LIMIT_MS);

  // The debugging and test hook: how many workers this page session started, and how long the boot took.
  const stats = (globalThis.legworkRuntime = { workersStarted: 1, readyMs: null, stage: current.stage });

  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "legwork-python" });
  worker.onmessage = ({ data }) => {
    if (data?.type === STATUS) {
      if (data.stage === "error") fail(data.message);
      else if (current.stage !== "error") {
        if (data.stage === "ready") {
          clearTimeout(timer);
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
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`${STAGES.error}: the Python worker could not start.`);
  };

  function publish(next) {
    current = next;
    stats.stage = next.stage;
    for (const listener of listeners) listener(next);
  }

  function fail(message) {
    if (current.stage === "error") return;
    clearTimeout(timer);
    worker.terminate();
    publish({ type: STATUS, stage: "error", message });
    settle.reject(new Error(message));
    for (const entry of pending.values()) entry.reject(new Error(message));
    pending.clear();
  }

  async function call(type, payload) {
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage(request(id, type, payload));
    });
  }

  return {
    ready,
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
