// @ts-check
// What the build ships beside Pyodide, for the worker: the lock data inline (so Pyodide need not fetch
// pyodide-lock.json before it can fetch the wheel) and the name of the trimmed, precompiled standard library in
// site/pyodide/. macros/assets.py writes this file over the site's copy at every build; the source's nulls
// mean "Pyodide's defaults": its own lock file and its stock python_stdlib.zip.

/**
 * @typedef {object} Shipped
 * @property {object | null} lock pyodide-lock.json's content
 * @property {string | null} stdlib the trimmed standard library's file name in site/pyodide/, or null
 * @property {string | null} stock the stock standard library's file name, the fallback
 */

/** @type {Shipped} */
export const SHIPPED = { lock: null, stdlib: null, stock: null };
