// @ts-check
// What the build ships beside Pyodide, for the worker: the lock data inline (so Pyodide need not fetch
// pyodide-lock.json), the calculators wheel's file name, the trimmed precompiled standard library's and the stock
// one's in site/pyodide/, the memory snapshot of the site's Python (macros/snapshot.py) and the empty zip that a
// Python restored from it is given. macros/assets.py writes this file over the site's copy at every build; this
// source copy is never served.

/**
 * @typedef {object} Shipped
 * @property {object | null} lock pyodide-lock.json's content (null: Pyodide fetches the file itself)
 * @property {string} wheel the calculators wheel's file name in site/pyodide/
 * @property {string | null} stdlib the trimmed standard library's file name in site/pyodide/ (null: none)
 * @property {string} stock the stock standard library's file name, the fallback
 * @property {string | null} snapshot the snapshot's file name in site/pyodide/ (null: Python always starts afresh)
 * @property {string | null} snapshotSha256 the SHA-256 of that file, in hex
 * @property {string} empty the empty standard library zip a restored Python is given
 */

/** @type {Shipped} */
export const SHIPPED = { lock: null, wheel: "", stdlib: null, stock: "", snapshot: null, snapshotSha256: null, empty: "" };
