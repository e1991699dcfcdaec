// Same Pyodide files and loadPyodide options as the site's worker (macros/runtime/worker.mjs), minus the
// calculators package: the time this takes is the floor for any page that runs Python.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

try {
  const pyodide = await loadPyodide({ indexURL });
  postMessage({ ok: pyodide.runPython("1+1") === 2 });
} catch (error) {
  postMessage({ ok: false, error: String(error?.message ?? error) });
}
