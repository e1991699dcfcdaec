// Run the calculators in Pyodide under Node with exactly the files a reader's worker gets from the built site:
// site/pyodide/ (core, the trimmed precompiled standard library, the wheel of .pyc), the lock data and file
// names from assets/legwork/shipped.mjs, assets/legwork/bridge.py, and the worker's own start-up steps
// (assets/legwork/python-start.mjs) — and no fallback: a module the trimmed zip left out fails here, named in
// "missed", instead of being quietly fetched from the stock zip.
//   node tests/shipped_runner.mjs <site dir> [stdlib file name] [--snapshot] [--try-import=NAME]  < [messages]
// With --snapshot, the messages are answered by a Python restored from the build's snapshot
// (site/pyodide/<SHIPPED.snapshot>, unpacked by assets/legwork/snapshot-file.mjs) with the empty standard
// library, as the worker restores it, reseeded as the worker reseeds it.
// Prints {"python", "stdlib", "boot", "bootMs", "missed": [...], "error", "random", "replies": [<bridge reply>, ...]}.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const fromSnapshot = args.includes("--snapshot");
// --try-import=NAME: after the messages, import NAME as later code might (whatever it raises is ignored).
const tryImport = args.find((arg) => arg.startsWith("--try-import="))?.slice("--try-import=".length);
const [siteArg, stdlibArg] = args.filter((arg) => !arg.startsWith("--"));
const site = path.resolve(siteArg ?? "site");
const pyodideDir = path.join(site, "pyodide") + path.sep;
const runtimeDir = path.join(site, "assets", "legwork");
const load = async (file) => import(pathToFileURL(file).href);
const { loadPyodide } = await load(path.join(pyodideDir, "pyodide.mjs"));
const { SHIPPED } = await load(path.join(runtimeDir, "shipped.mjs"));
const start = await load(path.join(runtimeDir, "python-start.mjs"));
const { checkedSnapshot, unpackSnapshot } = await load(path.join(runtimeDir, "snapshot-file.mjs"));
const stdlib = stdlibArg ?? SHIPPED.stdlib;
const trimmed = stdlib !== SHIPPED.stock;
const files = {
  wheelName: SHIPPED.wheel,
  wheel: readFileSync(path.join(pyodideDir, SHIPPED.wheel)),
  bridge: readFileSync(path.join(runtimeDir, "bridge.py"), "utf8"),
};
const options = {
  indexURL: pyodideDir,
  lockFileContents: SHIPPED.lock,
  packageBaseUrl: pyodideDir,
  stdLibURL: path.join(pyodideDir, stdlib),
  stdout: (line) => process.stderr.write(`${line}\n`),
};

const messages = JSON.parse(readFileSync(0, "utf8"));
let replies = [];
let error = null;
let pyodide;
let bootMs;
try {
  const started = performance.now();
  if (fromSnapshot) {
    const packed = readFileSync(path.join(pyodideDir, SHIPPED.snapshot));
    const saved = unpackSnapshot(await checkedSnapshot(packed, SHIPPED.snapshotSha256));
    pyodide = await loadPyodide({ ...options, stdLibURL: path.join(pyodideDir, SHIPPED.empty), _loadSnapshot: saved });
    pyodide.runPython("import random\nrandom.seed()");
  } else {
    pyodide = await loadPyodide(options);
    start.writeFiles(pyodide, files);
    start.startBridge(pyodide, { wheelName: files.wheelName, watchMissing: trimmed });
  }
  bootMs = performance.now() - started;
  const handle = start.bridgeHandle(pyodide);
  replies = messages.map((message, id) => JSON.parse(handle(JSON.stringify({ ...message, id }))));
  if (tryImport) {
    try {
      pyodide.runPython(`import ${tryImport}`);
    } catch {
      // the watch below names it, if the trimmed zip left it out
    }
  }
} catch (caught) {
  error = String(caught?.message ?? caught);
}
const missed = trimmed && pyodide ? start.missedList(pyodide).toJs() : [];
const python = pyodide?.runPython("import sys, calculators; sys.version + ' | ' + calculators.__file__") ?? null;
const sysPath = pyodide ? JSON.parse(pyodide.runPython("import sys, json; json.dumps(sys.path)")) : [];
const boot = fromSnapshot ? "snapshot" : "fresh";
const random = pyodide?.runPython("import random\nrandom.random()") ?? null;
process.stdout.write(JSON.stringify({ python, stdlib, boot, sysPath, bootMs, missed, error, random, replies }));
