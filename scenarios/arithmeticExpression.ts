// Plain arithmetic expressions ("0.2 + 0.8 * u", "1 / (i + 1)") compiled without mathjs, so a
// worker thread that only runs tasks never loads it (~1 s per thread). The grammar is mathjs's for
// these nodes: decimal numbers, declared variables, parentheses, unary + and -, and left-associative
// binary + - * /; with `number: "number"` mathjs evaluates each of them as the same IEEE operation,
// so the values are bit-identical (checked against mathjs on random expressions in the tests).
// Anything else (functions, constants, ^, %, implicit multiplication, …) returns null: the caller
// falls back to mathjs.

type Node = (scope: Readonly<Record<string, number>>) => number;

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

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
    if (name === null || !declared.has(name[0])) return null;
    pos += name[0].length;
    const v = name[0];
    return (scope) => scope[v];
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
    if (p === null || !(next === "" || next === ")" || next === "+" || next === "-" || next === "*" || next === "/")) return null;
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

  const root = sum();
  return root !== null && peek() === "" ? root : null;
}
