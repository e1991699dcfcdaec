// Run the calculators in Pyodide under Node, from a built site: the same vendored Pyodide files, the same
// calculators wheel (installed the standard way, through the site's lock data in shipped.mjs) and the same
// bridge.py the browser worker uses.
//   node tests/pyodide_runner.mjs <site dir>   < [{"name": ..., "inputs": ...}, ...]
// prints {"python": "<sys.version>", "replies": [<bridge reply>, ...]} on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const site = path.resolve(process.argv[2] ?? "site");
const pyodideDir = path.join(site, "pyodide") + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const { SHIPPED } = await import(pathToFileURL(path.join(site, "assets", "legwork", "shipped.mjs")).href);

const cases = JSON.parse(readFileSync(0, "utf8"));
const started = performance.now();
const pyodide = await loadPyodide({
  indexURL: pyodideDir,
  lockFileContents: SHIPPED.lock,
  packageBaseUrl: pyodideDir,
  packageCacheDir: pyodideDir, // the wheel is already there: nothing is downloaded
  packages: ["legwork-calculators"],
  stdout: (line) => process.stderr.write(`${line}\n`),
});
const bootMs = performance.now() - started;
const namespace = pyodide.globals.get("dict")();
pyodide.runPython(readFileSync(path.join(site, "assets", "legwork", "bridge.py"), "utf8"), { globals: namespace });
const handle = namespace.get("handle");
const replies = cases.map(({ name, inputs }, id) => JSON.parse(handle(JSON.stringify({ id, type: "run", name, inputs }))));
const version = pyodide.runPython("import sys, calculators; sys.version + ' | ' + calculators.__file__");
process.stdout.write(JSON.stringify({ python: version, bootMs, replies }));
