// A strict RFC 8259 scanner that finds the first syntax error of a JSON text: its offset, the path of
// the value being read, what was expected and what was found. Iterative (no recursion limit).
// Run only when JSON.parse has already refused the text, so it favours clear messages over speed.

import type { JsonPathSegment } from "./jsonPath.js";

export interface JsonSyntaxProblem {
  offset: number;
  path: JsonPathSegment[];
  expected: string;
  found: string;
}

const enum Ch {
  Tab = 9, Lf = 10, Cr = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
  Slash = 47, Zero = 48, Nine = 57, Colon = 58, UpperE = 69, OpenBracket = 91, Backslash = 92,
  CloseBracket = 93, LowerE = 101, OpenBrace = 123, CloseBrace = 125,
}

class SyntaxProblem {
  constructor(readonly offset: number, readonly expected: string) {}
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  const kinds: number[] = []; // Ch.OpenBracket or Ch.OpenBrace per open container
  const path: (JsonPathSegment | undefined)[] = []; // index or key per open container
  try {
    let pos = skipWhitespace(text, 0);
    for (;;) {
      // A value starts at pos.
      const c = text.charCodeAt(pos);
      if (c === Ch.OpenBracket || c === Ch.OpenBrace) {
        kinds.push(c);
        pos = skipWhitespace(text, pos + 1);
        if (c === Ch.OpenBracket) {
          path.push(0);
          if (text.charCodeAt(pos) !== Ch.CloseBracket) continue;
        } else {
          path.push(undefined);
          if (text.charCodeAt(pos) !== Ch.CloseBrace) {
            pos = readKey(text, pos, path);
            continue;
          }
        }
        kinds.pop();
        path.pop();
        pos++;
      } else {
        pos = scanScalar(text, pos);
      }
      // After a value: a separator, a closing bracket, or the end of the text.
      for (;;) {
        pos = skipWhitespace(text, pos);
        const depth = kinds.length;
        if (depth === 0) {
          if (pos < text.length) throw new SyntaxProblem(pos, "end of input");
          return null;
        }
        const d = text.charCodeAt(pos);
        const isArray = kinds[depth - 1] === Ch.OpenBracket;
        const close = isArray ? Ch.CloseBracket : Ch.CloseBrace;
        if (d === close) {
          kinds.pop();
          path.pop();
          pos++;
          continue;
        }
        if (d !== Ch.Comma) throw new SyntaxProblem(pos, isArray ? "',' or ']'" : "',' or '}'");
        pos = skipWhitespace(text, pos + 1);
        if (isArray) path[depth - 1] = (path[depth - 1] as number) + 1;
        else {
          path[depth - 1] = undefined;
          pos = readKey(text, pos, path);
        }
        break;
      }
    }
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    return {
      offset: e.offset,
      path: path.filter((s): s is JsonPathSegment => s !== undefined),
      expected: e.expected,
      found: describeTextAt(text, e.offset),
    };
  }
}

/** Reads `"key" :` at pos, records the key on the path, returns the offset of the member's value. */
function readKey(text: string, pos: number, path: (JsonPathSegment | undefined)[]): number {
  if (text.charCodeAt(pos) !== Ch.Quote) throw new SyntaxProblem(pos, "a string key in double quotes");
  const end = scanString(text, pos);
  path[path.length - 1] = JSON.parse(text.slice(pos, end)) as string;
  pos = skipWhitespace(text, end);
  if (text.charCodeAt(pos) !== Ch.Colon) throw new SyntaxProblem(pos, "':' after the key");
  return skipWhitespace(text, pos + 1);
}

function scanScalar(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === Ch.Quote) return scanString(text, pos);
  if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return scanNumber(text, pos);
  for (const word of ["true", "false", "null"]) {
    if (text.startsWith(word, pos)) return pos + word.length;
  }
  throw new SyntaxProblem(pos, "a JSON value");
}

function scanString(text: string, pos: number): number {
  for (let i = pos + 1; ; i++) {
    if (i >= text.length) throw new SyntaxProblem(i, "a closing '\"'");
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) return i + 1;
    if (c < 0x20) throw new SyntaxProblem(i, "an escape instead of a raw control character in a string");
    if (c === Ch.Backslash) {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) throw new SyntaxProblem(i, "\\u and 4 hex digits");
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i += 1;
      } else {
        throw new SyntaxProblem(i, "an escape among \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      }
    }
  }
}

function scanNumber(text: string, pos: number): number {
  let i = pos;
  if (text.charCodeAt(i) === Ch.Minus) i++;
  if (text.charCodeAt(i) === Ch.Zero) i++;
  else i = scanDigits(text, i);
  if (text.charCodeAt(i) === Ch.Dot) i = scanDigits(text, i + 1);
  const e = text.charCodeAt(i);
  if (e === Ch.LowerE || e === Ch.UpperE) {
    i++;
    const s = text.charCodeAt(i);
    if (s === Ch.Plus || s === Ch.Minus) i++;
    i = scanDigits(text, i);
  }
  return i;
}

function scanDigits(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && text.charCodeAt(i) >= Ch.Zero && text.charCodeAt(i) <= Ch.Nine) i++;
  if (i === pos) throw new SyntaxProblem(pos, "a digit");
  return i;
}

/** Offset of the first non-whitespace character at or after pos (JSON whitespace only). */
export function skipWhitespace(text: string, pos: number): number {
  let i = pos;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== Ch.Space && c !== Ch.Lf && c !== Ch.Cr && c !== Ch.Tab) break;
  }
  return i;
}

/** A short description of the text at an offset, for "found …": `'}'`, `'tru'`, `end of input`. */
export function describeTextAt(text: string, offset: number): string {
  if (offset >= text.length) return "end of input";
  const word = /^[A-Za-z0-9_+.-]+/.exec(text.slice(offset, offset + 24));
  if (word) return `'${word[0].slice(0, 16)}${word[0].length > 16 ? "..." : ""}'`;
  const code = text.codePointAt(offset) as number;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, "0")} (a control character)`;
  return `'${String.fromCodePoint(code)}'`;
}
