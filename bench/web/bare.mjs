// The floor the calculators are measured against: one module worker that boots the site's own Pyodide.
// Ready is marked on the page the moment the worker reports, as the widgets mark theirs.
const worker = new Worker(new URL("./bare-worker.mjs", import.meta.url), { type: "module", name: "bench-bare" });
worker.onmessage = ({ data }) => {
  const root = document.documentElement;
  if (data?.ok) root.dataset.benchReady = String(performance.now());
  else root.dataset.benchError = String(data?.error ?? "unknown error");
};
worker.onerror = (event) => {
  document.documentElement.dataset.benchError = String(event.message ?? "worker failed to start");
};
