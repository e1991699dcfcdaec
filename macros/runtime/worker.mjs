// @ts-check
// The module Web Worker: boots the site's own Pyodide once, with the calculators wheel fetched while it boots
// (listed in the site-local pyodide-lock.json), then answers each request by calling bridge.handle() — the same
// Python the build used to render the default answers. Nothing here computes or formats a result.
import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { RUN, CONVERT, DEBUG_BUSY, DEBUG_FLAG, status } from "./messages.mjs";

const indexURL = new URL("../../pyodide/", import.meta.url).href;
// The client adds the flag to this worker's URL only when the page's own URL has it (see client.mjs).
const debugging = new URL(self.location.href).searchParams.has(DEBUG_FLAG);
const bridgeSource = fetch(new URL("./bridge.py", import.meta.url)).then((response) => {
  if (!response.ok) throw new Error(`bridge.py: HTTP ${response.status}`);
  return response.text();
});

async function boot() {
  postMessage(status("runtime"));
  const pyodide = await loadPyodide({ indexURL, packages: ["legwork-calculators"] });
  postMessage(status("calculators"));
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(await bridgeSource, { globals: namespace });
  const handle = namespace.get("handle");
  namespace.destroy();
  return { pyodide, handle };
}

const ready = boot();
ready.then(
  () => postMessage(status("ready")),
  (error) => postMessage(status("error", String(error?.message ?? error).split("\n")[0])),
);

self.onmessage = async ({ data }) => {
  if (data?.type === DEBUG_BUSY && debugging) return postMessage(await busy(data));
  if (data?.type !== RUN && data?.type !== CONVERT) return;
  let reply;
  try {
    const { handle } = await ready;
    reply = JSON.parse(handle(JSON.stringify(data)));
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
