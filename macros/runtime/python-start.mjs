// @ts-check
// What the worker does inside a freshly started Pyodide before it can answer, shared with the tests' Node runner
// (tests/shipped_runner.mjs) so the two cannot drift: put the calculators wheel on sys.path, watch for modules
// the trimmed standard library left out, and import bridge.py as the module `legwork_bridge`.
// The wheel is pure Python, so zipimport reads it where it lies: no unpacking, and none of Pyodide's package
// loader (importlib.metadata, tarfile, email), which used to cost about a tenth of the start.

/** @typedef {Awaited<ReturnType<typeof import("../../pyodide/pyodide.mjs").loadPyodide>>} Pyodide */

/** Where the wheel and bridge.py are written in Pyodide's file system; it is also an entry of sys.path. */
const LEGWORK_DIR = "/lib/legwork";
const BRIDGE_MODULE = "legwork_bridge";

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
`;

/**
 * Write the wheel and bridge.py where Python finds them. Also run after a snapshot is restored: the restored
 * interpreter already has them on sys.path, but not the files.
 * @param {Pyodide} pyodide
 * @param {{wheelName: string, wheel: Uint8Array, bridge: string}} files
 */
export function writeFiles(pyodide, { wheelName, wheel, bridge }) {
  pyodide.FS.mkdirTree(LEGWORK_DIR);
  pyodide.FS.writeFile(`${LEGWORK_DIR}/${wheelName}`, wheel);
  pyodide.FS.writeFile(`${LEGWORK_DIR}/${BRIDGE_MODULE}.py`, bridge);
}

/** @typedef {{length: number, toString(): string}} Missed the live Python list of left-out modules asked for */

/**
 * Put the wheel and bridge.py on sys.path, start watching for left-out modules (trimmed library only) and import
 * the bridge, which imports the calculators. Throws if that needed a left-out module.
 * @param {Pyodide} pyodide
 * @param {{wheelName: string, watchMissing: boolean}} how
 * @returns {Missed | null}
 */
export function startBridge(pyodide, { wheelName, watchMissing }) {
  pyodide.runPython(
    `import sys\nsys.path[0:0] = [${JSON.stringify(`${LEGWORK_DIR}/${wheelName}`)}, ${JSON.stringify(LEGWORK_DIR)}]`,
  );
  if (watchMissing) pyodide.runPython(WATCH_MISSING);
  const missed = watchMissing ? missedList(pyodide) : null;
  try {
    pyodide.runPython(`import ${BRIDGE_MODULE}`);
  } finally {
    if (missed?.length) console.warn(`Legwork: the trimmed standard library lacks ${missed}`);
  }
  if (missed?.length) throw new Error(`the trimmed standard library lacks ${missed}`);
  return missed;
}

/**
 * The live list of left-out modules Python asked for, kept by the finder WATCH_MISSING installed (also in an
 * interpreter restored from a snapshot of one that had it).
 * @param {Pyodide} pyodide
 * @returns {Missed}
 */
export function missedList(pyodide) {
  return pyodide.runPython("LeftOutFinder.missed");
}

/**
 * The bridge's `handle(message) -> reply`, both JSON text.
 * @param {Pyodide} pyodide
 * @returns {(message: string) => string}
 */
export function bridgeHandle(pyodide) {
  return pyodide.runPython(`__import__("${BRIDGE_MODULE}").handle`);
}

/**
 * Import every calculator and build every schema, so that a snapshot taken next holds all of them and a
 * restored interpreter never has to read a module from the files again.
 * @param {Pyodide} pyodide
 */
export function importEverything(pyodide) {
  pyodide.runPython("import calculators\nfor _name in calculators.names():\n    calculators.schema(_name)\ndel _name");
}
