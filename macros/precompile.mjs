// The build's Pyodide step (macros/stdlib.py runs it): boots the pinned npm Pyodide under Node with the
// calculators wheel installed the way the site's worker installs it (through a pyodide-lock.json), mounts the
// work folder, and runs macros/pyodide_compile.py there. Prints that script's JSON on stdout.
//   node macros/precompile.mjs <pyodide dir> <folder with the wheel and pyodide-lock.json> <work dir> <job.json>
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, packagesDir, workDir, jobFile] = process.argv.slice(2).map((arg) => path.resolve(arg));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  lockFileURL: path.join(packagesDir, "pyodide-lock.json"),
  packageCacheDir: packagesDir + path.sep,
  packages: ["legwork-calculators"],
  stdout: (line) => process.stderr.write(`${line}\n`),
});
const root = "/legwork-work";
pyodide.FS.mkdirTree(root);
pyodide.mountNodeFS(root, workDir);
const namespace = pyodide.globals.get("dict")();
pyodide.runPython(readFileSync(new URL("./pyodide_compile.py", import.meta.url), "utf8"), { globals: namespace });
const job = { ...JSON.parse(readFileSync(jobFile, "utf8")), root };
process.stdout.write(namespace.get("main")(JSON.stringify(job)));
