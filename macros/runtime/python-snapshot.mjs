// @ts-check
// A memory snapshot of the worker's Python, taken once it has imported every calculator, kept in the browser's
// Cache Storage so that every visit after the first restores it instead of starting Python again. Pyodide's
// `_makeSnapshot` / `_loadSnapshot` options are private in 314.x, so the worker treats a snapshot as a hint:
// one that does not restore is dropped and Python starts the usual way. It is made on the reader's own machine
// as soon as a fresh Python is ready and idle, so it adds nothing to download. It is keyed by the
// build's Python files (`SHIPPED.build`), so a new build never restores an old interpreter.

// Not "legwork-…": the service worker deletes every cache of that prefix that it did not write itself.
const CACHE_NAME = "lw-python-snapshot";

/** @param {string} build */
function keyOf(build) {
  return new URL(`python-snapshot/${build}`, self.location.href).href;
}

/** Whether this context can keep a snapshot at all (Cache Storage needs a secure context, such as localhost). */
export function canKeepSnapshots() {
  return typeof caches !== "undefined";
}

/**
 * The snapshot saved for this build, or null.
 * @param {string} build
 * @returns {Promise<Uint8Array | null>}
 */
export async function readSnapshot(build) {
  if (!canKeepSnapshots()) return null;
  try {
    const saved = await (await caches.open(CACHE_NAME)).match(keyOf(build));
    return saved ? new Uint8Array(await saved.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Keep `bytes` as this build's snapshot, and no other build's.
 * @param {string} build
 * @param {Uint8Array} bytes
 */
export async function saveSnapshot(build, bytes) {
  const cache = await caches.open(CACHE_NAME);
  for (const old of await cache.keys()) await cache.delete(old);
  const body = new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]);
  await cache.put(keyOf(build), new Response(body, { headers: { "content-type": "application/octet-stream" } }));
}

/** Forget every saved snapshot (one did not restore). */
export async function dropSnapshots() {
  if (canKeepSnapshots()) await caches.delete(CACHE_NAME);
}
