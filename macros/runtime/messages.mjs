// The worker boundary's vocabulary. Only plain JSON crosses it, so both sides can be tested apart.
//   page → worker: {id, type: "run", name, inputs}  |  {id, type: "convert", fields: [{key, value, from, to, step}]}
//   worker → page: {id, ok, result, display, data} | {id, ok: false, errors: {field: message}}
//                  {type: "status", stage, message}   (stage: "runtime" | "calculators" | "ready" | "error")
//   The client itself publishes "restarting" when a call ran past its time limit and the worker was replaced.
//   Debugging only, honoured by a worker started for a page whose URL has the `legwork-debug` flag:
//   page → worker: {id, type: "debug-busy", seconds}  → a real Python busy loop, then {id, ok: true}

export const RUN = "run";
export const CONVERT = "convert";
export const STATUS = "status";
export const DEBUG_BUSY = "debug-busy";
export const DEBUG_FLAG = "legwork-debug";

export const STAGES = Object.freeze({
  runtime: "Loading Python runtime…",
  calculators: "Loading calculators…",
  ready: "Ready: results update as you type.",
  error: "Live calculation is unavailable",
  restarting: "The calculation took too long and was stopped; Python is restarting…",
});

export function status(stage, detail = "") {
  return { type: STATUS, stage, message: detail ? `${STAGES[stage]}: ${detail}` : STAGES[stage] };
}

export function request(id, type, payload) {
  return { id, type, ...payload };
}
