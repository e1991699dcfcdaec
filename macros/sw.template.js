// Legwork's service worker, written into the site root as sw.js by macros/offline.py at every build.
// The build fills in VERSION (a hash of the manifest) and PRECACHE (every file the site needs, path relative to
// the site root → its SHA-256 in Subresource Integrity form). One cache per build: install fills it in full or
// not at all, activate deletes every other Legwork cache, and fetch answers precached URLs from the current
// cache only, so a reader never gets a page of one build with the scripts of another.
"use strict";

const VERSION = "__LEGWORK_VERSION__";
const PRECACHE = /* __LEGWORK_PRECACHE__ */ {};
const PREFIX = "legwork-";
const CACHE = PREFIX + VERSION;
const ROOT = new URL("./", self.location.href);
const SITEMAP = new URL("sitemap.xml", ROOT).href;

/** Absolute URL (no query, no fragment) → its integrity string, for every precached file. */
const INTEGRITY = new Map(Object.entries(PRECACHE).map(([path, hash]) => [new URL(path, ROOT).href, hash]));

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "legwork-skip-waiting") self.skipWaiting();
  else if (event.data?.type === "legwork-version") event.ports[0]?.postMessage({ version: VERSION, cache: CACHE });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const key = cacheKey(request.url);
  if (key) event.respondWith(fromCache(key, request));
  else if (request.mode === "navigate" && sameSite(request.url)) event.respondWith(navigateOr404(request));
});

// ----------------------------------------------------------------------------------------------------------

/** Fetch every file with its integrity checked, then store them all; any failure leaves no cache behind. */
async function precache() {
  const entries = [...INTEGRITY];
  const responses = await Promise.all(
    entries.map(async ([url, integrity]) => {
      const response = await fetch(url, { cache: "no-cache", integrity, credentials: "same-origin" });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response;
    }),
  );
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(entries.map(([url], index) => cache.put(url, responses[index])));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/** The precache key of a URL: query and fragment dropped, a folder URL `/x/` read as `/x/index.html`. */
function cacheKey(href) {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return INTEGRITY.has(url.href) ? url.href : null;
}

function sameSite(href) {
  return href.startsWith(ROOT.href);
}

/**
 * The cached copy. When the page asked for exactly the key (every script, stylesheet, wheel and Pyodide file), it
 * is returned as it came out of the cache, untouched: V8 keeps compiled WebAssembly beside a Cache Storage entry,
 * and a `Response` built here would lose it, so `pyodide.asm.wasm` would be compiled again on every visit. Only a
 * folder URL (`/x/` answered from `/x/index.html`) and the sitemap are re-wrapped, so the page sees the URL it
 * asked for and the sitemap names this origin.
 */
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (!hit) return fetch(request);
  const asked = new URL(request.url);
  asked.hash = "";
  if (asked.href === key && key !== SITEMAP) return hit;
  // The body is stored decoded: the length and encoding the server sent (a gzip copy's) no longer apply.
  const headers = new Headers(hit.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const init = { status: hit.status, statusText: hit.statusText, headers };
  if (key === SITEMAP) return new Response(sitemapHere(await hit.text()), init);
  return new Response(hit.body, init);
}

/**
 * Material's instant navigation follows only links its sitemap lists, matching them on protocol and host but
 * not port, and the sitemap names pages at `site_url`. Served from any other port (the offline copy on a busy
 * machine), its links would all fall back to full page loads; the cached copy names pages here instead.
 */
function sitemapHere(xml) {
  return xml.replace(/<loc>[a-z]+:\/\/[^/<]+\//g, `<loc>${ROOT.origin}/`);
}

/** A page outside the precache list: the network, or the site's own 404 page when offline. */
async function navigateOr404(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const notFound = await cache.match(new URL("404.html", ROOT).href);
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    throw error;
  }
}
