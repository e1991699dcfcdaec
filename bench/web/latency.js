// Input-to-result latency after ready: set a number field of the first calculator, fire its input event and
// time until the first <output> mutation (the widget writes all outputs in one task). Values step away from the
// default so every answer differs from the one before. Returns the samples in ms (null = no update in time).
async ({ count, gapMs, timeoutMs }) => {
  const root = document.querySelector('[data-calculator][data-state="ready"]');
  if (!root) return { error: "no ready calculator" };
  const input = [...root.querySelectorAll("input")].find(
    (el) => !el.disabled && el.type === "text" && el.name && Number.isFinite(Number(el.dataset.default)),
  );
  if (!input) return { error: "no numeric field" };
  // Python's answer replaces the inside of [data-results] whole, so watch that container, not its old outputs.
  const outputs = [...root.querySelectorAll("[data-results]")];
  const base = Number(input.dataset.default);
  const step = Number(input.dataset.step) || 1;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const samples = [];
  for (let i = 0; i < count; i++) {
    const updated = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      for (const output of outputs) {
        observer.observe(output, { subtree: true, childList: true, characterData: true, attributes: true });
      }
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeoutMs);
    });
    input.value = String(Number((base + step * ((i % 4) + 1)).toFixed(6)));
    const start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const end = await updated;
    samples.push(end === null ? null : end - start);
    await pause(gapMs);
  }
  input.value = input.dataset.default;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return { field: input.name, samples };
}
