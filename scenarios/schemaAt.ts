// Walks a zod schema along a field path, using the (resolved) data to choose list entries and
// discriminated-union options. Used for "did you mean" on unknown keys and to check sweep/--set paths.
import type * as z from "zod";
import type { FieldPath } from "./fieldPath.js";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  catchall?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "readonly", "catch", "nonoptional"]);

/** Strips defaults, optionals and pipes down to the schema that describes the value. */
export function unwrapSchema(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === "pipe" && d.in) cur = d.in;
    else return cur;
  }
}

function chooseOption(s: z.ZodType, data: unknown): z.ZodType {
  const d = defOf(s);
  if (d.type !== "union" || !d.options) return s;
  const objects = d.options.filter((o) => defOf(unwrapSchema(o)).type === "object");
  if (d.discriminator && data && typeof data === "object") {
    const tag = (data as Record<string, unknown>)[d.discriminator];
    for (const o of objects) {
      const f = defOf(unwrapSchema(o)).shape?.[d.discriminator];
      if (f && acceptsLiteral(f, tag)) return unwrapSchema(o);
    }
  }
  return objects.length > 0 ? unwrapSchema(objects[0]) : s;
}

function acceptsLiteral(s: z.ZodType, tag: unknown): boolean {
  const inner = unwrapSchema(s);
  const values = (defOf(inner) as unknown as { values?: unknown[] }).values ?? [];
  if (tag === undefined) return defOf(s).type === "default";
  return values.includes(tag);
}

export type SchemaWalk =
  | { ok: true; schema: z.ZodType }
  | { ok: false; failedAt: number; knownKeys: readonly string[]; listLength: number | null };

/** The schema of the field at `path`, or where the path leaves the schema (and which keys exist there). */
export function schemaAt(root: z.ZodType, path: FieldPath, data: unknown): SchemaWalk {
  let s = unwrapSchema(root);
  let value = data;
  for (let i = 0; i < path.length; i++) {
    s = chooseOption(s, value);
    const d = defOf(s);
    const seg = path[i];
    if (d.type === "object" && typeof seg === "string" && d.shape) {
      if (!Object.prototype.hasOwnProperty.call(d.shape, seg)) {
        if (d.catchall && defOf(d.catchall).type !== "never") s = unwrapSchema(d.catchall);
        else return { ok: false, failedAt: i, knownKeys: Object.keys(d.shape), listLength: null };
      } else {
        s = unwrapSchema(d.shape[seg]);
      }
    } else if (d.type === "array" && typeof seg === "number" && d.element) {
      const length = Array.isArray(value) ? value.length : 0;
      if (seg >= length) return { ok: false, failedAt: i, knownKeys: [], listLength: length };
      s = unwrapSchema(d.element);
    } else {
      const keys = d.type === "object" && d.shape ? Object.keys(d.shape) : [];
      return { ok: false, failedAt: i, knownKeys: keys, listLength: Array.isArray(value) ? value.length : null };
    }
    value = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[seg] : undefined;
  }
  return { ok: true, schema: chooseOption(s, value) };
}

/** The JSON types a leaf schema accepts ("number", "boolean", "string", "object", "array", "null"). */
export function acceptedKinds(s: z.ZodType): Set<string> {
  const out = new Set<string>();
  const visit = (x: z.ZodType): void => {
    const u = unwrapSchema(x);
    const d = defOf(u);
    if (d.type === "union" && d.options) d.options.forEach(visit);
    else if (d.type === "literal" || d.type === "enum") {
      const values = (d as unknown as { values?: unknown[]; entries?: Record<string, unknown> }).values ??
        Object.values((d as unknown as { entries: Record<string, unknown> }).entries ?? {});
      for (const v of values) out.add(typeof v);
    } else out.add(d.type);
  };
  visit(s);
  return out;
}

/** The values of a leaf `z.enum` (after unwrapping), or null for any other schema. */
export function enumValues(s: z.ZodType): readonly string[] | null {
  const d = defOf(unwrapSchema(s)) as unknown as { type: string; entries?: Record<string, unknown> };
  if (d.type !== "enum" || d.entries === undefined) return null;
  const values = Object.values(d.entries);
  return values.every((v): v is string => typeof v === "string") ? values : null;
}

/** Edit distance, for "did you mean". */
function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The closest known key within a small edit distance, if any. */
export function didYouMean(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of [...known].sort()) {
    const dist = levenshtein(key, k);
    if (dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best;
}

/**
 * The default *input* of the field at `path` (what an absent field is parsed from: `.prefault` or
 * `.default` values), or undefined. Lets `--set` and sweeps reach into lists the file leaves out.
 */
export function defaultInputAt(root: z.ZodType, path: FieldPath, data: unknown): unknown {
  if (path.length === 0) return undefined;
  const parent = schemaAt(root, path.slice(0, -1), data);
  if (!parent.ok) return undefined;
  const d = defOf(parent.schema);
  const seg = path[path.length - 1];
  let field = typeof seg === "string" ? d.shape?.[seg] : undefined;
  while (field !== undefined) {
    const fd = defOf(field) as Def & { defaultValue?: unknown };
    if (fd.type === "prefault" || fd.type === "default") return fd.defaultValue;
    field = WRAPPERS.has(fd.type) ? fd.innerType : undefined;
  }
  return undefined;
}
