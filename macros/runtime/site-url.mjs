// @ts-check
// A build made for another address than the one it is served from (mkdocs.yml's site_url, see README "Publish")
// still works, but Material's instant navigation only follows the sitemap's URLs: every link becomes a full page
// load and Python boots again on each page. Rather than slow down silently, the page says so in a status line
// at the top of its content, naming both addresses. The page's canonical link holds the address it was built for.

const MARK = "siteUrlMismatch"; // data-site-url-mismatch on the status line, so it is added once per page

/**
 * The address a page was built for and the one it is served from, or null when they agree (or the build set no
 * site_url). Compares origin and path; "index.html" at the end and the query and fragment do not count.
 * @param {string | null} canonical the page's `<link rel="canonical">` href
 * @param {string} here the page's own URL
 * @returns {{ builtFor: string, servedAt: string } | null}
 */
export function mismatch(canonical, here) {
  if (!canonical) return null;
  const page = (/** @type {URL} */ url) => url.origin + url.pathname.replace(/index\.html$/, "");
  const built = new URL(canonical, here);
  const served = new URL(here);
  if (page(built) === page(served)) return null;
  // Strip the page's own path (the same at both addresses) to name the site roots.
  let builtRoot = page(built);
  let servedRoot = page(served);
  while (builtRoot && servedRoot && builtRoot.at(-1) === servedRoot.at(-1)) {
    builtRoot = builtRoot.slice(0, -1);
    servedRoot = servedRoot.slice(0, -1);
  }
  const root = (/** @type {string} */ text) => text.slice(0, text.lastIndexOf("/") + 1) || text;
  return { builtFor: root(builtRoot + "/"), servedAt: root(servedRoot + "/") };
}

/** Say so at the top of the page's content when the build's site_url is not where the page is served. */
export function reportSiteUrl() {
  const link = document.querySelector('link[rel="canonical"]');
  const found = mismatch(link instanceof HTMLLinkElement ? link.getAttribute("href") : null, location.href);
  const content = document.querySelector(".md-content__inner") ?? document.body;
  if (!found || content.querySelector(`[data-site-url-mismatch]`)) return;
  const line = document.createElement("p");
  line.setAttribute("role", "status");
  line.className = "lw-site-url";
  line.dataset[MARK] = "";
  line.textContent =
    `This copy of the site was built for ${found.builtFor} but is served from ${found.servedAt}: ` +
    "each page loads in full and the calculators start again on every page. " +
    "Rebuild with site_url set to this address to keep them running between pages.";
  content.prepend(line);
}
