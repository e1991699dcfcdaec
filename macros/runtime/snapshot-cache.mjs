// @ts-check
// A copy of the shipped snapshot of Python (macros/snapshot.py) in the browser's Cache Storage, for the worker.
// Over HTTP, even from the browser's cache, the file is brotli-decoded again at every visit: a quarter of a
// second of a small machine's CPU. Cache Storage keeps the decoded bytes. The worker looks the file up in every
// cache (the service worker's precache has it once the site is offline-ready), keeps its own copy only when no
// cache has it, and drops copies of other builds' snapshots.

// Not "legwork-…": the service worker deletes every cache of that prefix that it did not write itself.
const CACHE_NAME = "lw-python-snapshot";

/** Whether this context has Cache Storage at all (it needs a secure context, such as localhost or https). */
function available() {
  return typeof caches !== "undefined";
}

/**
 * The file's bytes from any cache of this origin, or null.
 * @param {string} url
 * @returns {Promise<Uint8Array<ArrayBuffer> | null>}
 */
export async function cachedSnapshot(url) {
  if (!available()) return null;
  try {
    const hit = await caches.match(url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null; // storage refused (private mode, quota): the network copy serves
  }
}

/**
 * Keep `packed`, the file at `url`, for the next visits, unless a cache has it already; drop older copies.
 * @param {string} url
 * @param {Uint8Array<ArrayBuffer>} packed
 */
export async function keepSnapshot(url, packed) {
  if (!available()) return;
  try {
    const cache = await caches.open(CACHE_NAME);
    for (const key of await cache.keys()) if (key.url !== url) await cache.delete(key);
    if (!(await caches.match(url))) await cache.put(url, new Response(packed));
  } catch {
    // not kept: the next visit fetches the file again
  }
}

/**
 * Drop this origin's own copy of the file at `url` (one that did not restore). The service worker's precache
 * checks its files' integrity itself.
 * @param {string} url
 */
export async function forgetSnapshot(url) {
  if (!available()) return;
  try {
    await (await caches.open(CACHE_NAME)).delete(url);
  } catch {
    // nothing kept, or storage refused
  }
}
