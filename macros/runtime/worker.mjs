// @ts-check
// The module Web Worker: boots the site's own Pyodide once and answers each request by calling bridge.handle() —
// the same Python the build used to render the default answers. Nothing here computes or formats a result.
// - The calculators wheel and bridge.py are fetched at once, in parallel with Pyodide's start (the lock data is
//   inline, in shipped.mjs), and imported where they lie (python-start.mjs).
// - Pyodide starts from the build's trimmed standard library of precompiled modules (macros/stdlib.py). Should
//   Python reach a module that was left out of it, at start or in any later request, this worker boots again
//   with Pyodide's stock standard library and answers from there: slower, never wrong.
// - As soon as a freshly started Python is ready and idle, the worker keeps a memory snapshot of it in
//   Cache Storage (python-snapshot.mjs); later visits restore that instead of starting Python, and fall back to
//   a fresh start if it does not restore.
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { RUN, CONVERT, DEBUG_BUSY, DEBUG_FLAG, status, request } from "./messages.mjs";
import { SHIPPED } from "./shipped.mjs";
import { writeFiles, startBridge, bridgeHandle, missedList, importEverything } from "./python-start.mjs";
import { canKeepSnapshots, readSnapshot, saveSnapshot, dropSnapshots } from "./python-snapshot.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
// The client adds the flag to this worker's URL only when the page's own URL has it (see client.mjs).
const debugging = new URL(self.location.href).searchParams.has(DEBUG_FLAG);
const wheelName = SHIPPED.wheel;
const files = Promise.all([
  fetchOk(new URL(wheelName, indexURL)).then(async (response) => new Uint8Array(await response.arrayBuffer())),
  fetchOk(new URL("./bridge.py", import.meta.url)).then((response) => response.text()),
]).then(([wheel, bridge]) => ({ wheelName, wheel, bridge }));
files.catch(() => {}); // boot() reports it

/** @param {URL} url */
async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

/**
 * @typedef {object} Python
 * @property {Awaited<ReturnType<typeof loadPyodide>>} pyodide
 * @property {(message: string) => string} handle bridge.handle
 * @property {import("./python-start.mjs").Missed | null} missed left-out modules asked for (trimmed library only)
 * @property {import("./messages.mjs").Boot} boot how this Python started
 */

/** @param {boolean} trimmed start from the trimmed standard library (else the stock one) */
function pyodideOptions(trimmed) {
  /** @type {Parameters<typeof loadPyodide>[0]} */
  const options = { indexURL, stdLibURL: indexURL + (trimmed ? SHIPPED.stdlib : SHIPPED.stock) };
  if (SHIPPED.lock) Object.assign(options, { lockFileContents: SHIPPED.lock, packageBaseUrl: indexURL });
  return options;
}

/** @param {boolean} trimmed start from the trimmed standard library (else the stock one) */
async function boot(trimmed) {
  postMessage(status("runtime"));
  const restored = trimmed ? await restore() : null;
  if (restored) return restored;
  const snapshotable = trimmed && Boolean(SHIPPED.build) && canKeepSnapshots();
  const pyodide = await loadPyodide({ ...pyodideOptions(trimmed), _makeSnapshot: snapshotable });
  postMessage(status("calculators"));
  writeFiles(pyodide, await files);
  const missed = startBridge(pyodide, { wheelName, watchMissing: trimmed });
  /** @type {Python} */
  const python = { pyodide, handle: bridgeHandle(pyodide), missed, boot: trimmed ? "fresh" : "stock" };
  if (snapshotable) snapshotWhenIdle(python);
  return python;
}

/** Python restored from this build's snapshot, or null when there is none or it does not answer. */
async function restore() {
  const saved = SHIPPED.build ? await readSnapshot(SHIPPED.build) : null;
  if (!saved) return null;
  try {
    const pyodide = await loadPyodide({ ...pyodideOptions(true), _loadSnapshot: saved });
    writeFiles(pyodide, await files);
    pyodide.runPython("import random\nrandom.seed()"); // the snapshot froze the generator's state
    const handle = bridgeHandle(pyodide);
    const check = JSON.parse(handle(JSON.stringify(request(0, CONVERT, { fields: [] }))));
    if (check?.ok !== true) throw new Error(`the restored Python answered ${JSON.stringify(check)}`);
    /** @type {Python} */
    const python = { pyodide, handle, missed: missedList(pyodide), boot: "snapshot" };
    return python;
  } catch (error) {
    console.warn("Legwork: the saved Python snapshot did not restore; starting Python afresh:", error);
    await dropSnapshots();
    return null;
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let snapshotTimer;
/** @type {Python | null} the freshly started Python still owed its snapshot */
let owedSnapshot = null;

/**
 * Take the snapshot as soon as no request is waiting (it holds the worker for about 0.1 s): before a reader has
 * begun to type, so that even a brief first visit keeps one. Every request pushes it back behind its answer.
 */
function snapshotWhenIdle(/** @type {Python | null} */ python = owedSnapshot) {
  owedSnapshot = python;
  clearTimeout(snapshotTimer);
  if (owedSnapshot) snapshotTimer = setTimeout(takeSnapshot);
}

async function takeSnapshot() {
  const python = owedSnapshot;
  owedSnapshot = null;
  if (!python || !SHIPPED.build || python.missed?.length || (await ready) !== python) return;
  try {
    importEverything(python.pyodide);
    await saveSnapshot(SHIPPED.build, python.pyodide.makeMemorySnapshot());
  } catch (error) {
    console.warn("Legwork: could not keep a snapshot of Python for the next visit:", error);
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
  snapshotWhenIdle();
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
