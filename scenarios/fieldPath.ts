// Field paths as used by `sweep`, `--set` and error messages: `subnets[0].hyperparameters.kappa`.
// A path is a list of segments: object keys (strings) and list indices (numbers).

export type FieldPath = readonly (string | number)[];

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** Parses `a.b[0].c`; returns null when the text is not a path. */
export function parseFieldPath(text: string): (string | number)[] | null {
  const out: (string | number)[] = [];
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    if (rest.startsWith("[")) {
      const m = /^\[(0|[1-9][0-9]*)\]/.exec(rest);
      if (m === null || first) return null;
      out.push(Number(m[1]));
      rest = rest.slice(m[0].length);
    } else {
      if (!first) {
        if (!rest.startsWith(".")) return null;
        rest = rest.slice(1);
      }
      const m = IDENT.exec(rest);
      if (m === null) return null;
      out.push(m[0]);
      rest = rest.slice(m[0].length);
    }
    first = false;
  }
  return out.length > 0 ? out : null;
}

/** Formats segments as `a.b[0].c` (keys that are not identifiers are quoted: `sweep["x[0].y"]`). */
export function formatFieldPath(path: FieldPath): string {
  let s = "";
  for (const seg of path) {
    if (typeof seg === "number") s += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) s += s === "" ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** The value at `path`, or undefined when a segment is missing. */
export function getAtPath(root: unknown, path: FieldPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (typeof seg === "number" ? !Array.isArray(cur) : Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Keys whose value is an object with exactly one of a few keys: setting one replaces the others. */
const ONE_OF_PARENTS = new Set(["duration", "at"]);

/**
 * A deep copy of `root` with `value` at `path`: a missing object or list along the way is created from
 * `defaultFor(prefix)` (the field's default input) or as `{}`; list indices must exist. Setting `duration.epochs` replaces `duration` (its keys are exclusive).
 * Returns the index of the first segment that cannot be set, or the new root.
 */
export function setAtPath(
  root: unknown,
  path: FieldPath,
  value: unknown,
  defaultFor: (prefix: FieldPath) => unknown = () => undefined,
): { root: unknown } | { failedAt: number } {
  const copy: unknown = structuredClone(root ?? {});
  let cur: unknown = copy;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (cur === null || typeof cur !== "object") return { failedAt: i };
    if (typeof seg === "number") {
      if (!Array.isArray(cur) || seg >= cur.length) return { failedAt: i };
    } else if (Array.isArray(cur)) {
      return { failedAt: i };
    }
    const obj = cur as Record<string | number, unknown>;
    if (last) {
      obj[seg] = value;
    } else {
      const next = path[i + 1];
      if (typeof next === "string" && ONE_OF_PARENTS.has(String(seg)) && i + 2 === path.length) {
        obj[seg] = {};
      } else if (obj[seg] === undefined || obj[seg] === null) {
        const fallback = defaultFor(path.slice(0, i + 1));
        if (fallback !== undefined) obj[seg] = structuredClone(fallback);
        else if (typeof next === "number") return { failedAt: i + 1 };
        else obj[seg] = {};
      }
      cur = obj[seg];
    }
  }
  return { root: copy };
}
