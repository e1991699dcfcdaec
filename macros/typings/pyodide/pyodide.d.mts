// For the type check only (tsconfig.worker.json): the worker imports Pyodide by its place in the built site,
// ../../pyodide/pyodide.mjs, which `rootDirs` maps here; its types are those of the pinned npm package.
export { loadPyodide } from "pyodide";
