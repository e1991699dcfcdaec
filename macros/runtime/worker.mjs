// @ts-check
// The module Web Worker: boots the site's own Pyodide once and answers each request by calling bridge.handle() —
// the same Python the build used to render the default answers. Nothing here computes or formats a result.
// - Python is restored from the build's memory snapshot of it (macros/snapshot.py), fetched in parallel with
//   Pyodide's WebAssembly (or read from the copy an earlier visit kept, snapshot-cache.mjs) and checked against
//   its SHA-256: no module is imported or run before the first answer. The snapshot holds every module of the
//   trimmed standard library, so the restored Python is given an empty zip instead of it.
// - Should the snapshot not restore (the option is private in Pyodide 314), Python starts afresh from the
//   build's trimmed standard library of precompiled modules (macros/stdlib.py), with the calculators wheel and
//   bridge.py imported where they lie (python-start.mjs); the lock data is inline, in shipped.mjs.
// - Should Python reach a module that the trimmed library left out, at start or in any later request, this
//   worker boots again with Pyodide's stock standard library and answers from there: slower, never wrong.
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { RUN, CONVERT, DEBUG_BUSY, DEBUG_FLAG, status, request } from "./messages.mjs";
import { SHIPPED } from "./shipped.mjs";
import { writeFiles, startBridge, bridgeHandle, missedList } from "./python-start.mjs";
import { checkedSnapshot, unpackSnapshot } from "./snapshot-file.mjs";
import { cachedSnapshot, keepSnapshot, forgetSnapshot } from "./snapshot-cache.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
// The client adds the flag to this worker's URL only when the page's own URL has it (see client.mjs).
const debugging = new URL(self.location.href).searchParams.has(DEBUG_FLAG);
const wheelName = SHIPPED.wheel;
// The copy for later visits is written once the first answers are out, not while the reader's first input waits.
const KEEP_AFTER_MS = 2_000;
const snapshotURL = SHIPPED.snapshot ? new URL(SHIPPED.snapshot, indexURL).href : null;
/** Where the packed snapshot came from: a copy kept by an earlier visit (snapshot-cache.mjs), or the network. */
let snapshotFrom = "network";
const snapshot = snapshotURL ? snapshotBytes(snapshotURL) : null;
snapshot?.catch(() => {}); // restore() reports it

/** @param {string} url */
async function snapshotBytes(url) {
  const kept = await cachedSnapshot(url);
  if (kept) snapshotFrom = "cache";
  return checkedSnapshot(kept ?? (await fetchBytes(new URL(url))), SHIPPED.snapshotSha256);
}
/** @type {Promise<{wheelName: string, wheel: Uint8Array, bridge: string}> | null} */
let files = null;

/** The wheel and bridge.py, which only a Python started afresh needs; fetched at once when there is no snapshot. */
function calculatorFiles() {
  files ??= Promise.all([
    fetchBytes(new URL(wheelName, indexURL)),
    fetchOk(new URL("./bridge.py", import.meta.url)).then((response) => response.text()),
  ]).then(([wheel, bridge]) => ({ wheelName, wheel, bridge }));
  return files;
}
if (!snapshot) calculatorFiles().catch(() => {}); // boot() reports it

/** @param {URL} url */
async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

/**
 * @param {URL} url
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function fetchBytes(url) {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

/**
 * @typedef {object} Python
 * @property {Awaited<ReturnType<typeof loadPyodide>>} pyodide
 * @property {(message: string) => string} handle bridge.handle
 * @property {import("./python-start.mjs").Missed | null} missed left-out modules asked for (trimmed library only)
 * @property {import("./messages.mjs").Boot} boot how this Python started
 */

/** @param {string} stdlib the standard library zip's file name in site/pyodide/ */
function pyodideOptions(stdlib) {
  /** @type {Parameters<typeof loadPyodide>[0]} */
  const options = { indexURL, stdLibURL: indexURL + stdlib };
  if (SHIPPED.lock) Object.assign(options, { lockFileContents: SHIPPED.lock, packageBaseUrl: indexURL });
  return options;
}

/** @param {boolean} trimmed start from the trimmed standard library (else the stock one) */
async function boot(trimmed) {
  postMessage(status("runtime"));
  const restored = trimmed && snapshot ? await restore(snapshot) : null;
  if (restored) return restored;
  const pending = calculatorFiles();
  const pyodide = await loadPyodide(pyodideOptions(trimmed && SHIPPED.stdlib ? SHIPPED.stdlib : SHIPPED.stock));
  postMessage(status("calculators"));
  writeFiles(pyodide, await pending);
  const missed = startBridge(pyodide, { wheelName, watchMissing: trimmed });
  /** @type {Python} */
  const python = { pyodide, handle: bridgeHandle(pyodide), missed, boot: trimmed ? "fresh" : "stock" };
  return python;
}

/**
 * Python restored from the build's snapshot, or null when it does not restore or does not answer.
 * @param {Promise<Uint8Array<ArrayBuffer>>} packed
 */
async function restore(packed) {
  try {
    const pyodide = await loadPyodide({ ...pyodideOptions(SHIPPED.empty), _loadSnapshot: packed.then(unpackSnapshot) });
    pyodide.runPython("import random\nrandom.seed()"); // the snapshot froze the generator's state
    const handle = bridgeHandle(pyodide);
    const check = JSON.parse(handle(JSON.stringify(request(0, CONVERT, { fields: [] }))));
    if (check?.ok !== true) throw new Error(`the restored Python answered ${JSON.stringify(check)}`);
    if (snapshotFrom === "network" && snapshotURL) {
      setTimeout(async () => keepSnapshot(snapshotURL, await packed), KEEP_AFTER_MS);
    }
    /** @type {Python} */
    const python = { pyodide, handle, missed: missedList(pyodide), boot: "snapshot" };
    return python;
  } catch (error) {
    console.warn("Legwork: the snapshot of Python did not restore; starting Python afresh:", error);
    if (snapshotFrom === "cache" && snapshotURL) await forgetSnapshot(snapshotURL);
    return null;
  }
}

/** The trimmed standard library first; the stock one if Python could not start from it. */
async function start() {
  if (!SHIPPED.stdlib) return boot(false);
  try {
    return await boot(true);
  } catch (error) {
    console.warn("Legwork: starting again with the stock standard library:", error);
    return boot(false);
  }
}

let ready = start();
ready.then(
  (python) => postMessage({ ...status("ready"), boot: python.boot }),
  (error) => postMessage(status("error", String(error?.message ?? error).split("\n")[0])),
);

/** bridge.handle's reply; asked again of a Python on the stock library if a left-out module was needed. */
async function answer(/** @type {string} */ message) {
  const python = await ready;
  const reply = python.handle(message);
  if (!python.missed?.length) return reply;
  console.warn(`Legwork: the trimmed standard library lacks ${python.missed}; starting again with the stock one`);
  ready = boot(false);
  const stock = await ready;
  postMessage({ ...status("ready"), boot: stock.boot });
  return stock.handle(message);
}

self.onmessage = async ({ data }) => {
  if (data?.type === DEBUG_BUSY && debugging) return postMessage(await busy(data));
  if (data?.type !== RUN && data?.type !== CONVERT) return;
  let reply;
  try {
    reply = JSON.parse(await answer(JSON.stringify(data)));
  } catch (error) {
    reply = { id: data.id, ok: false, errors: { message: "Python is not available." } };
  }
  postMessage(reply);
};

/**
 * Debugging only: keep Python busy for `seconds` (at most 60), as a calculation that hangs would.
 * @param {import("./messages.mjs").BusyRequest} request
 * @returns {Promise<import("./messages.mjs").BusyReply>}
 */
async function busy({ id, seconds }) {
  const limit = Math.min(Math.max(Number(seconds) || 0, 0), 60);
  let namespace;
  try {
    const { pyodide } = await ready;
    namespace = pyodide.globals.get("dict")();
    pyodide.runPython(`import time\nend = time.monotonic() + ${limit}\nwhile time.monotonic() < end: pass`, {
      globals: namespace,
    });
    return { id, ok: true };
  } catch {
    return { id, ok: false, errors: { message: "Python is not available." } };
  } finally {
    namespace?.destroy();
  }
}
