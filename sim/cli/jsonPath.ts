// Field paths into a JSON (or YAML) value, and their printed form: `[4].weights[3][1]`,
// `hyperparameters.kappa`, `extra["odd key"]`.

/** One step into a value: an array index or an object key. */
export type JsonPathSegment = string | number;
export type JsonPath = readonly JsonPathSegment[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The printed path; the empty path prints as the empty string. */
export function formatJsonPath(path: JsonPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
