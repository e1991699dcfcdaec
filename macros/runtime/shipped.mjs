// @ts-check
// What the build ships beside Pyodide, for the worker: the lock data inline (so Pyodide need not fetch
// pyodide-lock.json), the calculators wheel's file name, the trimmed precompiled standard library's and the stock
// one's in site/pyodide/, and a hash of all the Python the worker runs, which names its memory snapshot.
// macros/assets.py writes this file over the site's copy at every build; this source copy is never served.

/**
 * @typedef {object} Shipped
 * @property {object | null} lock pyodide-lock.json's content (null: Pyodide fetches the file itself)
 * @property {string} wheel the calculators wheel's file name in site/pyodide/
 * @property {string | null} stdlib the trimmed standard library's file name in site/pyodide/ (null: none)
 * @property {string} stock the stock standard library's file name, the fallback
 * @property {string | null} build a hash of Pyodide, both libraries, the wheel and bridge.py, which names the
 *   memory snapshot (null: no snapshot is kept)
 */

/** @type {Shipped} */
export const SHIPPED = { lock: null, wheel: "", stdlib: null, stock: "", build: null };
