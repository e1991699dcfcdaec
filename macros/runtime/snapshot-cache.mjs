// @ts-check
// A copy of the shipped snapshot of Python (macros/snapshot.py) in the browser's Cache Storage, for the worker.
// Over HTTP, even from the browser's cache, the file is brotli-decoded again at every visit: a quarter of a
// second of a small machine's CPU. Cache Storage keeps the decoded bytes. The worker reads the service worker's
// precache when it has the file (once the site is offline-ready), else its own copy, which it keeps only when no
// cache has the file, and drops once the precache has it and for other builds' snapshots.

// Not "legwork-…": the service worker deletes every cache of that prefix that it did not write itself.
const CACHE_NAME = "lw-python-snapshot";

/** Whether this context has Cache Storage at all (it needs a secure context, such as localhost or https). */
function available() {
  return typeof caches !== "undefined";
}

/**
 * The file's bytes from a cache of this origin, or null. The service worker's precache is read first; once it
 * has the file, this origin's own copy is dropped, so the 13.6 MB are not stored twice.
 * @param {string} url
 * @returns {Promise<Uint8Array<ArrayBuffer> | null>}
 */
export async function cachedSnapshot(url) {
  if (!available()) return null;
  try {
    const own = await caches.open(CACHE_NAME);
    for (const name of await caches.keys()) {
      const hit = name === CACHE_NAME ? undefined : await (await caches.open(name)).match(url);
      if (hit) {
        await own.delete(url);
        return new Uint8Array(await hit.arrayBuffer());
      }
    }
    const kept = await own.match(url);
    return kept ? new Uint8Array(await kept.arrayBuffer()) : null;
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
