// Turns zod issues into (path, expected, found) triples phrased for users. A message that starts with
// "expected " (set by our own fields and checks) is used verbatim; zod's own codes get a phrase here.
import type * as z from "zod";
import { getAtPath } from "./fieldPath.js";
import { didYouMean, schemaAt } from "./schemaAt.js";

export interface IssueText {
  path: (string | number)[];
  /** True when the problem is about a key (point at the key, not its value). */
  atKey: boolean;
  expected: string;
  found: string;
}

/** A short description of a value for "found …". */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `a list (${v.length} entries)`;
  return "a mapping";
}

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  int: "an integer",
};

type Issue = z.core.$ZodIssue;

function ownText(issue: Issue, value: unknown): { expected: string; found: string; atKey: boolean } | null {
  if (!issue.message.startsWith("expected ")) return null;
  const params = (issue as { params?: { found?: string; atKey?: boolean } }).params;
  return { expected: issue.message.slice("expected ".length), found: params?.found ?? (value === undefined ? "nothing (the field is required)" : describeValue(value)), atKey: params?.atKey === true };
}

const pathOf = (p: readonly PropertyKey[]): (string | number)[] => p.map((k) => (typeof k === "number" ? k : String(k)));

function unionText(issue: Extract<Issue, { code: "invalid_union" }>, data: unknown, schema: z.ZodType): IssueText[] {
  const path = pathOf(issue.path);
  const value = getAtPath(data, path);
  if ("discriminator" in issue && issue.discriminator) {
    const options = ((issue as { options?: unknown[] }).options ?? []).filter((o) => o !== undefined).map(String);
    return [{ path, atKey: false, expected: `one of ${options.join(", ")}`, found: describeValue(value) }];
  }
  // A branch that failed on something deeper than the value's type is the one the user meant.
  for (const branch of issue.errors) {
    if (branch.length > 0 && branch.every((b) => b.code !== "invalid_type" || b.path.length > 0)) {
      return branch.flatMap((b) => issueTexts({ ...b, path: [...issue.path, ...b.path] } as Issue, data, schema));
    }
  }
  const own = ownText(issue, value);
  return [{ path, ...(own ?? { expected: "a valid value", found: describeValue(value), atKey: false }) }];
}

/** One or more user-facing texts for one zod issue; `data` is the parsed input, `schema` its schema. */
export function issueTexts(issue: Issue, data: unknown, schema: z.ZodType): IssueText[] {
  const path = pathOf(issue.path);
  const value = getAtPath(data, path);
  if (issue.code === "unrecognized_keys") {
    const walk = schemaAt(schema, path, data);
    const known = walk.ok ? knownKeysOf(walk.schema) : [];
    return issue.keys.map((key) => {
      const hint = didYouMean(key, known);
      const expected = hint ? `a known key (did you mean "${hint}"?)` : `one of the keys ${known.join(", ")}`;
      return { path: [...path, key], atKey: true, expected, found: `unknown key "${key}"` };
    });
  }
  if (issue.code === "invalid_union") return unionText(issue, data, schema);
  const own = ownText(issue, value);
  if (own) return [{ path, ...own }];
  switch (issue.code) {
    case "invalid_type":
      return [{ path, atKey: false, expected: TYPE_WORDS[issue.expected] ?? issue.expected, found: value === undefined ? "nothing (the field is required)" : describeValue(value) }];
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const cmp = issue.code === "too_small" ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
      const what = issue.origin === "array" ? `a list with ${cmp} ${String(bound)} entries` : `a value ${cmp} ${String(bound)}`;
      return [{ path, atKey: false, expected: what, found: describeValue(value) }];
    }
    case "invalid_value":
      return [{ path, atKey: false, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`, found: describeValue(value) }];
    default:
      return [{ path, atKey: false, expected: issue.message, found: describeValue(value) }];
  }
}

function knownKeysOf(s: z.ZodType): string[] {
  const def = (s as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def;
  return def.shape ? Object.keys(def.shape) : [];
}
