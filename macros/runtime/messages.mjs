// The worker boundary's vocabulary. Only plain JSON crosses it, so both sides can be tested apart.
//   page → worker: {id, type: "run", name, inputs}  |  {id, type: "convert", fields: [{key, value, from, to, step}]}
//   worker → page: {id, ok, result, display, data} | {id, ok: false, errors: {field: message}}
//                  {type: "status", stage, message}   (stage: "runtime" | "calculators" | "ready" | "error")

export const RUN = "run";
export const CONVERT = "convert";
export const STATUS = "status";

export const STAGES = Object.freeze({
  runtime: "Loading Python runtime…",
  calculators: "Loading calculators…",
  ready: "Ready: results update as you type.",
  error: "Live calculation is unavailable",
});

export function status(stage, detail = "") {
  return { type: STATUS, stage, message: detail ? `${STAGES[stage]}: ${detail}` : STAGES[stage] };
}

export function request(id, type, payload) {
  return { id, type, ...payload };
}
