// One calculator widget: DOM only. It reads the raw entries and their units, asks the client (Python) for the
// answer, and writes back the text Python returns — it never parses, converts, computes or formats a number.
// The server-rendered answer stays until Python has a better one.

const UNIT_KEY = "legwork.unitSystem";
const RESTARTED = "Python restarted. The answer shown is for earlier entries; change an entry to calculate again.";
const SYSTEM_PARAM = "unit-system";

/** Bring the widget under `root` to life; returns a function that detaches it (before the next page). */
export function mount(root, client) {
  const form = root.querySelector("form");
  const name = root.dataset.calculator;
  const namespace = root.dataset.instance;
  const statusLine = root.querySelector("[data-status]");
  const announcer = root.querySelector("[data-announce]");
  const toggle = root.querySelector("[data-unit-toggle]");
  let system = "metric";
  let dirty = false; // entries differ from the ones the server-rendered answer is for
  let inFlight = false;
  let again = false;
  let alive = true;
  let stopped = false; // this widget's last call was stopped by the time limit: its entries have no answer

  const restored = restoreFromUrl();
  if (!restored && toggle && storedSystem() === "imperial") {
    showSystem("imperial");
    fillDefaults("imperial");
  }
  root.dataset.state = "loading";

  const onInput = (event) => {
    if (event.target.name === "lw-unit-system") return;
    dirty = true;
    schedule(true);
  };
  const onChange = (event) => {
    if (event.target.name === "lw-unit-system") switchSystem(event.target.value);
    else onInput(event);
  };
  const onSubmit = (event) => {
    event.preventDefault();
    schedule(true);
  };
  form.addEventListener("input", onInput);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", onSubmit);
  const unsubscribe = client.subscribe(onStatus);

  return () => {
    alive = false;
    unsubscribe();
    form.removeEventListener("input", onInput);
    form.removeEventListener("change", onChange);
    form.removeEventListener("submit", onSubmit);
  };

  // -------------------------------------------------------------------------------------------------------

  function onStatus({ stage, message }) {
    if (!alive) return;
    if (stage === "error") {
      root.dataset.state = "error";
      statusLine.textContent = `${message}. The answer shown is for the default values.`;
      for (const radio of toggle?.querySelectorAll("input") ?? []) radio.disabled = true;
      return;
    }
    statusLine.textContent = message;
    if (stage === "restarting") {
      root.dataset.state = "loading";
      announce(message);
    } else if (stage === "ready") {
      // After a restart, entries that were stopped are not sent again by themselves: they may hang again.
      if (stopped) statusLine.textContent = RESTARTED;
      if (dirty && !stopped) schedule(false).then(markReady);
      else markReady();
    }
  }

  function markReady() {
    if (alive && root.dataset.state !== "error") root.dataset.state = "ready";
  }

  /** Ask Python for the answer; at most one request in flight, the latest entries always win. */
  async function schedule(fromReader) {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      do {
        again = false;
        const reply = await client.run(name, collectInputs());
        if (!alive) return;
        stopped = false;
        show(reply);
        if (fromReader) saveToUrl();
      } while (again && alive);
    } catch {
      // the client has published the "error" or "restarting" status; the answer shown stays
      stopped = true;
    } finally {
      inFlight = false;
    }
  }

  function collectInputs() {
    const inputs = {};
    for (const field of form.querySelectorAll("[data-field]")) {
      const key = field.dataset.field;
      const kind = field.dataset.kind;
      if (kind === "number") inputs[key] = numberEntry(field, key);
      else if (kind === "choice") inputs[key] = choiceEntry(field);
      else if (kind === "boolean") inputs[key] = field.querySelector("input").checked;
      else inputs[key] = field.querySelector("textarea").value;
    }
    return inputs;
  }

  function numberEntry(field, key) {
    const main = field.querySelector(`input[name="${key}"]`);
    if (main.disabled) {
      const feet = field.querySelector(`input[name="${key}.ft"]`).value;
      const inches = field.querySelector(`input[name="${key}.in"]`).value;
      return feet.trim() === "" && inches.trim() === "" ? "" : { value: { ft: feet, in: inches }, unit: "ft_in" };
    }
    // In the field's own unit the raw text goes as typed, so Python also reads "72,5", "140lb" or "5 ft 4".
    if (main.value.trim() === "" || main.dataset.unit === main.dataset.canonicalUnit) return main.value;
    return { value: main.value, unit: main.dataset.unit };
  }

  function choiceEntry(field) {
    const picked = field.querySelector("input:checked") ?? field.querySelector("option:checked");
    return picked ? JSON.parse(picked.dataset.json) : "";
  }

  function show(reply) {
    const errors = reply.ok ? {} : reply.errors ?? {};
    const unplaced = [];
    for (const slot of root.querySelectorAll("[data-error-for]")) {
      const message = errors[slot.dataset.errorFor];
      slot.textContent = message ?? "";
      slot.hidden = !message;
      for (const control of slot.closest("[data-field]").querySelectorAll("input, select, textarea")) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
    for (const [key, message] of Object.entries(errors)) {
      if (!root.querySelector(`[data-error-for="${CSS.escape(key)}"]`)) unplaced.push(message);
    }
    if (!reply.ok) {
      root.dataset.invalid = "true";
      const messages = Object.values(errors);
      statusLine.textContent = unplaced.length ? unplaced.join(" ") : "Check the highlighted entries.";
      announce(messages.join(" "));
      return;
    }
    delete root.dataset.invalid;
    statusLine.textContent = "Ready: results update as you type.";
    for (const output of root.querySelectorAll("[data-output]")) {
      const key = output.dataset.output;
      output.textContent = reply.display[key];
      output.dataset.value = reply.data[key];
    }
    const warnings = reply.result.warnings ?? [];
    const list = root.querySelector("[data-warnings]");
    list.replaceChildren(...warnings.map((warning) => item(warning.message, { code: warning.code ?? "" })));
    list.hidden = warnings.length === 0;
    root.querySelector("[data-steps]").replaceChildren(...reply.result.steps.map((step) => item(step)));
    announce(summary(warnings));
  }

  function summary(warnings) {
    const parts = [...root.querySelectorAll(".lw-output")].map((row) => row.textContent.replace(/\s+/g, " ").trim());
    return `Result: ${parts.join("; ")}.${warnings.length ? ` ${warnings.map((w) => w.message).join(" ")}` : ""}`;
  }

  function announce(text) {
    announcer.textContent = text;
  }

  // --- metric / imperial ---------------------------------------------------------------------------------

  function dualFields() {
    return [...form.querySelectorAll("input[data-metric-unit]")].map((input) => {
      const field = input.closest("[data-field]");
      return {
        key: input.name,
        input,
        feet: field.querySelector(`input[name="${input.name}.ft"]`),
        inches: field.querySelector(`input[name="${input.name}.in"]`),
        boxes: field.querySelector("[data-feet-inches]"),
      };
    });
  }

  async function switchSystem(next) {
    if (next === system) return;
    const from = system;
    const fields = dualFields();
    const entries = fields.map((field) => ({
      key: field.key,
      value: entryOf(field, from),
      from: field.input.dataset[`${from}Unit`],
      to: field.input.dataset[`${next}Unit`],
      step: Number(field.input.dataset.step),
    }));
    const untouched = fields.every((field) => isDefault(field, from));
    showSystem(next);
    storeSystem(next);
    if (untouched) {
      fillDefaults(next);
    } else {
      try {
        const reply = await client.convert(entries);
        for (const field of fields) if (field.key in reply.values) setEntry(field, next, reply.values[field.key]);
      } catch {
        return;
      }
    }
    dirty = true;
    await schedule(true);
  }

  function showSystem(next) {
    system = next;
    root.dataset.units = next;
    const radio = toggle?.querySelector(`input[value="${next}"]`);
    if (radio) radio.checked = true;
    for (const field of dualFields()) {
      const unit = field.input.dataset[`${next}Unit`];
      const split = unit === "ft_in";
      field.input.disabled = split;
      field.input.closest("[data-main-control]").hidden = split;
      if (field.boxes) {
        field.boxes.hidden = !split;
        field.feet.disabled = !split;
        field.inches.disabled = !split;
      }
      if (!split) {
        field.input.dataset.unit = unit;
        field.input.parentElement.querySelector("[data-unit-symbol]").textContent =
          field.input.dataset[`${next}Symbol`];
      }
    }
  }

  function entryOf(field, which) {
    return field.input.dataset[`${which}Unit`] === "ft_in"
      ? { ft: field.feet.value, in: field.inches.value }
      : field.input.value;
  }

  function setEntry(field, which, value) {
    if (field.input.dataset[`${which}Unit`] === "ft_in") {
      field.feet.value = value.ft;
      field.inches.value = value.in;
    } else {
      field.input.value = value;
    }
  }

  function isDefault(field, which) {
    if (field.input.dataset[`${which}Unit`] === "ft_in") {
      return field.feet.value === field.feet.dataset.default && field.inches.value === field.inches.dataset.default;
    }
    const wanted = which === "metric" ? field.input.dataset.default : field.input.dataset.imperialDefault;
    return field.input.value === wanted;
  }

  /** The build pre-renders each dual field's default in both systems, so no round trip is needed for them. */
  function fillDefaults(which) {
    for (const field of dualFields()) {
      if (field.input.dataset[`${which}Unit`] === "ft_in") {
        field.feet.value = field.feet.dataset.default;
        field.inches.value = field.inches.dataset.default;
      } else {
        field.input.value = which === "metric" ? field.input.dataset.default : field.input.dataset.imperialDefault;
      }
    }
    if (which === "imperial") dirty = true; // rounding in the other unit may move the answer slightly
  }

  // --- shareable state -----------------------------------------------------------------------------------

  function controls() {
    return [...form.elements].filter((control) => control.name && !control.disabled);
  }

  function saveToUrl() {
    const url = new URL(location.href);
    const prefix = `${namespace}.`;
    for (const key of [...url.searchParams.keys()]) if (key.startsWith(prefix)) url.searchParams.delete(key);
    if (toggle) url.searchParams.set(prefix + SYSTEM_PARAM, system);
    for (const control of controls()) {
      if (control.name === "lw-unit-system") continue;
      if (control.type === "radio" && !control.checked) continue;
      const value = control.type === "checkbox" ? String(control.checked) : control.value;
      url.searchParams.set(prefix + control.name, value);
    }
    history.replaceState(history.state, "", url);
  }

  function restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    const prefix = `${namespace}.`;
    if (![...params.keys()].some((key) => key.startsWith(prefix))) return false;
    const wanted = params.get(prefix + SYSTEM_PARAM);
    if (toggle && (wanted === "metric" || wanted === "imperial")) showSystem(wanted);
    for (const control of controls()) {
      if (control.name === "lw-unit-system" || !params.has(prefix + control.name)) continue;
      const value = params.get(prefix + control.name);
      if (control.type === "radio") control.checked = control.value === value;
      else if (control.type === "checkbox") control.checked = value === "true";
      else control.value = value;
    }
    dirty = true;
    return true;
  }
}

function item(text, data = {}) {
  const li = document.createElement("li");
  li.textContent = text;
  Object.assign(li.dataset, data);
  return li;
}

function storedSystem() {
  try {
    return localStorage.getItem(UNIT_KEY);
  } catch {
    return null;
  }
}

function storeSystem(value) {
  try {
    localStorage.setItem(UNIT_KEY, value);
  } catch {
    // storage may be off (private mode, file://); the choice then lasts for this page only
  }
}
