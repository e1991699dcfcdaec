// A plain loadPyodide of the site's copy of the npm package with its stock files (standard library, and the
// package's own lock file, copied beside this page by bench/pages.py): the floor for any page that runs Python.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;
const lockFileURL = new URL("./pyodide-lock.json", import.meta.url).href;

try {
  const pyodide = await loadPyodide({ indexURL, lockFileURL });
  postMessage({ ok: pyodide.runPython("1+1") === 2 });
} catch (error) {
  postMessage({ ok: false, error: String(error?.message ?? error) });
}
