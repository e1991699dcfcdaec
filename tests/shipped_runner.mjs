// Run the calculators in Pyodide under Node with exactly the files a reader's worker gets from the built site:
// site/pyodide/ (core, the trimmed precompiled standard library, the wheel of .pyc), the lock data and file
// names from assets/legwork/shipped.mjs, and assets/legwork/bridge.py — and no fallback: a module the trimmed
// zip left out fails here, named in "missed", instead of being quietly fetched from the stock zip.
//   node tests/shipped_runner.mjs <site dir> [stdlib file name]  < [{"type": "run", ...} | {"type": "convert", ...}, ...]
// prints {"python", "stdlib", "bootMs", "missed": [...], "replies": [<bridge reply>, ...]} on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const site = path.resolve(process.argv[2] ?? "site");
const pyodideDir = path.join(site, "pyodide") + path.sep;
const runtimeDir = path.join(site, "assets", "legwork");
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const { SHIPPED } = await import(pathToFileURL(path.join(runtimeDir, "shipped.mjs")).href);
const stdlib = process.argv[3] ?? SHIPPED.stdlib;

const messages = JSON.parse(readFileSync(0, "utf8"));
const started = performance.now();
const pyodide = await loadPyodide({
  indexURL: pyodideDir,
  lockFileContents: SHIPPED.lock,
  packageBaseUrl: pyodideDir,
  packageCacheDir: pyodideDir, // the wheel is already there: nothing is downloaded
  stdLibURL: path.join(pyodideDir, stdlib),
  packages: ["legwork-calculators"],
  stdout: (line) => process.stderr.write(`${line}\n`),
});
const bootMs = performance.now() - started;
// The worker's own watch for left-out modules, read from the shipped worker.mjs, so the two cannot drift.
const worker = readFileSync(path.join(runtimeDir, "worker.mjs"), "utf8");
const watch = worker.match(/const WATCH_MISSING = `([^`]*)`/)[1];
const missed = stdlib === SHIPPED.stock ? pyodide.toPy([]) : pyodide.runPython(watch);
const namespace = pyodide.globals.get("dict")();
let replies = [];
let error = null;
try {
  pyodide.runPython(readFileSync(path.join(runtimeDir, "bridge.py"), "utf8"), { globals: namespace });
  const handle = namespace.get("handle");
  replies = messages.map((message, id) => JSON.parse(handle(JSON.stringify({ ...message, id }))));
} catch (caught) {
  error = String(caught?.message ?? caught);
}
const python = pyodide.runPython("import sys, calculators; sys.version + ' | ' + calculators.__file__");
const sysPath = pyodide.runPython("import sys, json; json.dumps(sys.path)");
process.stdout.write(JSON.stringify({ python, stdlib, sysPath: JSON.parse(sysPath), bootMs, missed: missed.toJs(), error, replies }));
