// Position-aware JSON: parse with the native JSON.parse (fast), and map any field path back to its
// line:col in the source only when an error needs it. Syntax errors are located by a strict scanner.
//
//   const doc = parseJsonDocument(text, "state.json");        // throws TaosimInputError on bad JSON
//   throw doc.error(["weights", 3, 1], "[uid, u16] with uid < n"); // found = the source text there
//
// Duplicate object keys follow JSON.parse (the last one wins); `locate` finds that same last one.

import { TaosimInputError, type TaosimInputErrorCode } from "./errors.js";
import { formatJsonPath, type JsonPath } from "./jsonPath.js";
import { findJsonSyntaxError, skipWhitespace } from "./jsonSyntaxError.js";

export interface LineCol {
  line: number; // 1-based
  col: number; // 1-based, in UTF-16 code units
}

/** Where a value sits in the source: [start, end) offsets, and where its key starts if it has one. */
export interface JsonLocation {
  start: number;
  end: number;
  keyStart: number; // -1 for array elements and the root
}

export interface JsonErrorOptions {
  /** Point at the member's key rather than its value (for unknown keys). */
  at?: "value" | "key";
  code?: TaosimInputErrorCode;
}

/** Longest "found" excerpt of source text before it is cut with "...". */
const FOUND_MAX_CHARS = 60;

export class JsonDocument {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly value: unknown,
  ) {}

  /** The source location of the value at `path`, or undefined if there is no such value. */
  locate(path: JsonPath): JsonLocation | undefined {
    return locateJsonPath(this.text, path);
  }

  /** The source text of the value at `path` on one line (`[9, 70000]`), or "nothing" if absent. */
  foundAt(path: JsonPath): string {
    const loc = this.locate(path);
    return loc === undefined ? "nothing" : compactJsonText(this.text, loc.start, loc.end, FOUND_MAX_CHARS);
  }

  /**
   * An input error for the value at `path`, positioned at that value (or its key), or at the nearest
   * enclosing value that exists when `path` is missing. `found` defaults to the value's source text.
   */
  error(path: JsonPath, expected: string, found?: string, options: JsonErrorOptions = {}): TaosimInputError {
    let offset = 0;
    for (let len = path.length; len >= 0; len--) {
      const loc = this.locate(path.slice(0, len));
      if (loc === undefined) continue;
      offset = options.at === "key" && len === path.length && loc.keyStart >= 0 ? loc.keyStart : loc.start;
      break;
    }
    const { line, col } = offsetToLineCol(this.text, offset);
    return new TaosimInputError({
      file: this.file,
      line,
      col,
      path: formatJsonPath(path),
      expected,
      found: found ?? this.foundAt(path),
      code: options.code ?? "input",
    });
  }
}

/** Parses JSON text; a syntax error throws a TaosimInputError with its line:col and path. */
export function parseJsonDocument(source: string, file: string): JsonDocument {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source; // byte-order mark
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const problem = findJsonSyntaxError(text);
    if (problem === null) {
      // The scanner and V8 disagree; report V8's words rather than nothing.
      throw new TaosimInputError({ file, line: 1, col: 1, expected: "valid JSON", found: String(err), code: "json-syntax" });
    }
    const { line, col } = offsetToLineCol(text, problem.offset);
    throw new TaosimInputError({
      file,
      line,
      col,
      path: formatJsonPath(problem.path),
      expected: problem.expected,
      found: problem.found,
      code: "json-syntax",
    });
  }
  return new JsonDocument(file, text, value);
}

/** 1-based line and column of an offset (a line ends at "\n"; "\r\n" counts once). */
export function offsetToLineCol(text: string, offset: number): LineCol {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** Locates a path in text that is known to be valid JSON (JSON.parse accepted it). */
export function locateJsonPath(text: string, path: JsonPath): JsonLocation | undefined {
  let pos = skipWhitespace(text, 0);
  let keyStart = -1;
  for (const seg of path) {
    const open = text[pos];
    pos = skipWhitespace(text, pos + 1);
    if (typeof seg === "number") {
      if (open !== "[") return undefined;
      for (let i = 0; ; i++) {
        if (text[pos] === "]") return undefined;
        if (i === seg) break;
        pos = skipWhitespace(text, skipJsonValue(text, pos));
        if (text[pos] === ",") pos = skipWhitespace(text, pos + 1);
      }
      keyStart = -1;
    } else {
      if (open !== "{") return undefined;
      let found = -1;
      while (text[pos] !== "}") {
        const kStart = pos;
        const kEnd = skipJsonValue(text, pos);
        const raw = text.slice(kStart + 1, kEnd - 1);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(kStart, kEnd)) as string) : raw;
        pos = skipWhitespace(text, skipWhitespace(text, kEnd) + 1); // past ':'
        if (key === seg) {
          found = pos;
          keyStart = kStart;
        }
        pos = skipWhitespace(text, skipJsonValue(text, pos));
        if (text[pos] === ",") pos = skipWhitespace(text, pos + 1);
      }
      if (found < 0) return undefined;
      pos = found;
    }
  }
  return { start: pos, end: skipJsonValue(text, pos), keyStart };
}

/** End offset of the (valid) JSON value starting at pos. */
function skipJsonValue(text: string, pos: number): number {
  let depth = 0;
  let i = pos;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = skipJsonString(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === "," || c === " " || c === "\n" || c === "\r" || c === "\t")) return i;
  }
  return i;
}

function skipJsonString(text: string, pos: number): number {
  for (let i = pos + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return text.length;
}

/** The JSON text in [start, end) on one line with canonical spacing (`[9, 70000]`), cut at max chars. */
export function compactJsonText(text: string, start: number, end: number, max: number): string {
  let out = "";
  for (let i = start; i < end && out.length <= max; i++) {
    const c = text[i];
    if (c === '"') {
      const e = skipJsonString(text, i);
      out += text.slice(i, e);
      i = e - 1;
    } else if (c === ",") out += ", ";
    else if (c === ":") out += ": ";
    else if (c !== " " && c !== "\n" && c !== "\r" && c !== "\t") out += c;
  }
  return out.length > max ? `${out.slice(0, max)}...` : out;
}
