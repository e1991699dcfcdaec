// The build's snapshot step (macros/snapshot.py runs it): starts the site's own Python under Node exactly as the
// worker starts it (the built site's Pyodide, trimmed standard library, wheel, bridge.py and python-start.mjs),
// imports every module of the trimmed zip and every calculator, answers each calculator's defaults once, and
// writes Pyodide's memory snapshot of that interpreter, packed (runtime/snapshot-file.mjs). A reader's worker
// restores it instead of starting Python.
// Every module the site can import without falling back is then in memory, so the restored interpreter never
// reads the standard library zip again: the worker gives it an empty one.
//   node macros/snapshot.mjs <site pyodide dir> <site runtime dir> <stdlib zip> <wheel> <lock file> <out file>
// Prints {"bytes": packed file, "memoryBytes": snapshot, "modules": n} on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Import every module the trimmed zip holds (each one a traced import of the site, so each imports here too);
// returns how many modules the interpreter then holds.
const IMPORT_THE_ZIP = `
import importlib, sys, zipfile
_zip = next(p for p in sys.path if p.endswith(".zip"))
for _name in sorted(zipfile.ZipFile(_zip).namelist()):
    if _name.endswith(".pyc"):
        _module = _name[:-len(".pyc")].replace("/", ".").removesuffix(".__init__")
        importlib.import_module(_module)
del _name, _module, _zip
len(sys.modules)
`;

// Each calculator's defaults, answered in both unit systems, so that what a first answer builds lazily
// (compiled patterns, caches) is in the snapshot too.
const ANSWER_THE_DEFAULTS = `
import calculators, legwork_bridge
for _name in calculators.names():
    _inputs = {f["key"]: f["default"] for f in calculators.schema(_name)["inputs"] if f.get("default") is not None}
    for _system in ("metric", "imperial"):
        if not legwork_bridge.reply(_name, _inputs, _system).get("ok"):
            raise RuntimeError(f"{_name} did not answer its defaults ({_system})")
del _name, _inputs, _system
`;

const [pyodideDir, runtimeDir, stdlib, wheelName, lockFile, outFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const start = await import(pathToFileURL(path.join(runtimeDir, "python-start.mjs")).href);
const { packSnapshot, unpackSnapshot } = await import(pathToFileURL(path.join(runtimeDir, "snapshot-file.mjs")).href);

const pyodide = await loadPyodide({
  indexURL: path.resolve(pyodideDir) + path.sep,
  lockFileContents: readFileSync(lockFile, "utf8"),
  stdLibURL: path.resolve(pyodideDir, stdlib),
  stdout: (line) => process.stderr.write(`${line}\n`),
  _makeSnapshot: true,
});
start.writeFiles(pyodide, {
  wheelName,
  wheel: readFileSync(path.join(pyodideDir, wheelName)),
  bridge: readFileSync(path.join(runtimeDir, "bridge.py"), "utf8"),
});
start.startBridge(pyodide, { wheelName, watchMissing: true });
start.importEverything(pyodide);
const modules = pyodide.runPython(IMPORT_THE_ZIP);
pyodide.runPython(ANSWER_THE_DEFAULTS);
const missed = start.missedList(pyodide);
if (missed.length) throw new Error(`the trimmed standard library lacks ${missed}`);
pyodide.runPython("import gc\ngc.collect()");
const memory = pyodide.makeMemorySnapshot();
const packed = packSnapshot(memory);
if (Buffer.compare(unpackSnapshot(packed), memory) !== 0) throw new Error("the packed snapshot does not unpack to itself");
writeFileSync(outFile, packed);
process.stdout.write(JSON.stringify({ bytes: packed.length, memoryBytes: memory.length, modules }));
