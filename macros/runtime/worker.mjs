// @ts-check
// The module Web Worker: boots the site's own Pyodide once, with the calculators wheel fetched while it boots
// (its lock data is inline, in shipped.mjs), then answers each request by calling bridge.handle() — the same
// Python the build used to render the default answers. Nothing here computes or formats a result.
// Pyodide starts from the build's trimmed standard library of precompiled modules (macros/stdlib.py). Should
// Python reach a module that was left out of it, at start or in any later request, this worker boots again with
// Pyodide's stock standard library and answers from there: slower, never wrong.
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { RUN, CONVERT, DEBUG_BUSY, DEBUG_FLAG, status } from "./messages.mjs";
import { SHIPPED } from "./shipped.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
// The client adds the flag to this worker's URL only when the page's own URL has it (see client.mjs).
const debugging = new URL(self.location.href).searchParams.has(DEBUG_FLAG);
const bridgeSource = fetch(new URL("./bridge.py", import.meta.url)).then((response) => {
  if (!response.ok) throw new Error(`bridge.py: HTTP ${response.status}`);
  return response.text();
});

// Run after start with the trimmed standard library: a finder consulted last, when no other found a module,
// that notes every module the stock library has and the trimmed one left out (listed in the zip itself).
const WATCH_MISSING = `
import sys, zipimport
_zip = next(p for p in sys.path if p.endswith(".zip"))
_left_out = frozenset(zipimport.zipimporter(_zip).get_data("legwork-left-out.txt").decode().split())
class LeftOutFinder:
    missed = []
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name in _left_out:
            cls.missed.append(name)
        return None
sys.meta_path.append(LeftOutFinder)
LeftOutFinder.missed
`;

/**
 * @typedef {object} Python
 * @property {Awaited<ReturnType<typeof loadPyodide>>} pyodide
 * @property {(message: string) => string} handle bridge.handle
 * @property {{length: number} | null} missed modules asked for that the trimmed standard library left out
 */

/** @param {boolean} trimmed start from the trimmed standard library (else the stock one) */
async function boot(trimmed) {
  postMessage(status("runtime"));
  /** @type {Parameters<typeof loadPyodide>[0]} */
  const options = { indexURL, packages: ["legwork-calculators"] };
  if (SHIPPED.lock) Object.assign(options, { lockFileContents: SHIPPED.lock, packageBaseUrl: indexURL });
  if (trimmed && SHIPPED.stdlib) options.stdLibURL = indexURL + SHIPPED.stdlib;
  else if (SHIPPED.stock) options.stdLibURL = indexURL + SHIPPED.stock;
  const pyodide = await loadPyodide(options);
  postMessage(status("calculators"));
  const missed = trimmed && SHIPPED.stdlib ? pyodide.runPython(WATCH_MISSING) : null;
  const namespace = pyodide.globals.get("dict")();
  try {
    pyodide.runPython(await bridgeSource, { globals: namespace });
  } finally {
    if (missed?.length) console.warn(`Legwork: the trimmed standard library lacks ${missed}`);
  }
  const handle = namespace.get("handle");
  namespace.destroy();
  if (missed?.length) throw new Error(`the trimmed standard library lacks ${missed}`);
  return /** @type {Python} */ ({ pyodide, handle, missed });
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
  () => postMessage(status("ready")),
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
  postMessage(status("ready"));
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
