// Plain arithmetic expressions ("0.2 + 0.8 * u", "1 / (i + 1)") compiled without mathjs, so a
// worker thread that only runs tasks never loads it (~1 s per thread). The grammar is mathjs's for
// these nodes: decimal numbers, declared variables, parentheses, unary + and -, left-associative
// binary + - * /, and max(…)/min(…); with `number: "number"` mathjs evaluates each of them as the
// same IEEE operation (max and min with mathjs's tolerant comparison, ported below), so the values
// are bit-identical (checked against mathjs on random expressions in the tests). Anything else
// (other functions, constants, ^, %, implicit multiplication, …) returns null: the caller falls back
// to mathjs.

type Node = (scope: Readonly<Record<string, number>>) => number;

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

// mathjs's default config.relTol and config.absTol.
const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

/** mathjs utils/number.js nearlyEqual(a, b, relTol, absTol). */
function nearlyEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

/** mathjs max/min over numbers: a NaN argument wins; otherwise the first value not beaten by a tolerant larger/smaller. */
function extremum(values: number[], larger: boolean): number {
  let res = values[0];
  for (let k = 1; k < values.length; k++) {
    const v = values[k];
    if (Number.isNaN(v)) res = v;
    else if (larger ? v > res && !nearlyEqual(v, res) : v < res && !nearlyEqual(v, res)) res = v;
  }
  return res;
}

/** The expression as a function of its variables, or null when it is not plain arithmetic. */
export function compileArithmetic(source: string, variables: readonly string[]): Node | null {
  const declared = new Set(variables);
  let pos = 0;
  const skip = (): void => {
    while (pos < source.length && (source[pos] === " " || source[pos] === "\t")) pos++;
  };
  const peek = (): string => (skip(), source[pos] ?? "");

  const primary = (): Node | null => {
    const c = peek();
    if (c === "(") {
      pos++;
      const inner = sum();
      if (inner === null || peek() !== ")") return null;
      pos++;
      return inner;
    }
    const num = NUMBER.exec(source.slice(pos));
    if (num !== null) {
      pos += num[0].length;
      const value = Number(num[0]);
      return () => value;
    }
    const name = NAME.exec(source.slice(pos));
    if (name === null) return null;
    pos += name[0].length;
    const v = name[0];
    if ((v === "max" || v === "min") && !declared.has(v) && peek() === "(") return call(v === "max");
    if (!declared.has(v)) return null;
    return (scope) => scope[v];
  };

  // max(a, b, …) / min(a, b, …): at least one argument.
  const call = (larger: boolean): Node | null => {
    pos++; // "("
    const args: Node[] = [];
    for (;;) {
      const arg = sum();
      if (arg === null) return null;
      args.push(arg);
      const c = peek();
      pos++;
      if (c === ")") break;
      if (c !== ",") return null;
    }
    const values = new Array<number>(args.length);
    return (scope) => {
      for (let k = 0; k < args.length; k++) values[k] = args[k](scope);
      return extremum(values, larger);
    };
  };

  // mathjs: unary minus/plus bind tighter than * and / and may repeat ("- -u").
  const unary = (): Node | null => {
    const c = peek();
    if (c === "-" || c === "+") {
      pos++;
      const operand = unary();
      if (operand === null) return null;
      return c === "-" ? (s) => -operand(s) : operand;
    }
    const p = primary();
    // Whatever follows a primary must be an operator, ")" or the end; anything else (a name, "(",
    // "^", "!", "'") is mathjs grammar this compiler does not cover.
    const next = peek();
    if (p === null || !(next === "" || next === ")" || next === "," || next === "+" || next === "-" || next === "*" || next === "/")) return null;
    return p;
  };

  const product = (): Node | null => {
    let left = unary();
    while (left !== null) {
      const op = peek();
      if (op !== "*" && op !== "/") break;
      pos++;
      if (source[pos] === "*" || source[pos] === "/") return null; // "**", "//" are not mathjs arithmetic
      const right = unary();
      if (right === null) return null;
      const l: Node = left;
      left = op === "*" ? (s) => l(s) * right(s) : (s) => l(s) / right(s);
    }
    return left;
  };

  const sum = (): Node | null => {
    let left = product();
    while (left !== null) {
      const op = peek();
      if (op !== "+" && op !== "-") break;
      pos++;
      const right = product();
      if (right === null) return null;
      const l: Node = left;
      left = op === "+" ? (s) => l(s) + right(s) : (s) => l(s) - right(s);
    }
    return left;
  };

  // A "," outside a call's arguments would be left unread: the end check below refuses it.
  const root = sum();
  return root !== null && peek() === "" ? root : null;
}
