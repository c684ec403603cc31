// mathjs expressions in scenario strings ("0.5 + 0.4 * u"), compiled once in a sandboxed mathjs
// instance. The sandbox refuses, at load time (by walking the parse tree) and again at run time (the
// functions are replaced by throwing stubs): import, createUnit, evaluate, parse, compile, simplify,
// derivative, resolve, every random* and pickRandom, and assignments. Variables come only from the scope
// the caller declares for the field (u, uid, epoch, day, …); randomness only through those variables.
// mathjs is loaded on first use (it takes ~1 s): a worker whose expressions are plain arithmetic
// compiles them with compileArithmetic and never loads it.
import { createRequire } from "node:module";
import type { EvalFunction, MathJsInstance, MathNode } from "mathjs";
import { compileArithmetic } from "./arithmeticExpression.js";

/** What went wrong, phrased for `expected …, found …`. */
export class ExpressionError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`expected ${expected}, found ${found}`);
    this.name = "ExpressionError";
  }
}

/** Functions an expression may not call (they escape the sandbox or bypass the named streams). */
export const FORBIDDEN_FUNCTIONS: readonly string[] = Object.freeze([
  "import", "createUnit", "evaluate", "parse", "compile", "simplify", "simplifyConstant", "simplifyCore",
  "derivative", "resolve", "rationalize", "leafCount", "symbolicEqual", "parser", "chain", "config",
  "reviver", "replacer", "help", "typed", "unit", "splitUnit", "to", "toBest",
  "random", "randomInt", "pickRandom",
]);

/** Constants an expression may name without declaring them. */
const CONSTANTS = new Set(["pi", "e", "tau", "phi", "LN2", "LN10", "SQRT2", "SQRT1_2", "Infinity"]);

/** Refused in expressions but left intact in the instance: mathjs itself needs them. */
const KEEP_INTERNAL = new Set(["typed", "config", "reviver", "replacer", "unit"]);

let sandbox: MathJsInstance | null = null;

/** The sandboxed mathjs instance, created on first use (CommonJS build: a synchronous load). */
function math(): MathJsInstance {
  if (sandbox !== null) return sandbox;
  const { all, create } = createRequire(import.meta.url)("mathjs") as typeof import("mathjs");
  const instance = create(all, { number: "number" });
  const refuse = (name: string) => () => {
    throw new Error(`${name} is not available in scenario expressions`);
  };
  const stubs: Record<string, () => never> = {};
  for (const name of FORBIDDEN_FUNCTIONS) if (name in instance && !KEEP_INTERNAL.has(name)) stubs[name] = refuse(name);
  parseFn = instance.parse.bind(instance); // kept before the stubs replace `parse`
  instance.import(stubs, { override: true });
  return (sandbox = instance);
}
let parseFn: ((source: string) => MathNode) | null = null;

function parseExpression(source: string): MathNode {
  math();
  return (parseFn as (source: string) => MathNode)(source);
}

/** A compiled expression: evaluate it with a value for each declared variable. */
export interface CompiledExpression {
  readonly source: string;
  readonly variables: readonly string[];
  evaluate(scope: Readonly<Record<string, number>>): number;
}

function callee(node: MathNode): string {
  const fn = (node as unknown as { fn: MathNode }).fn;
  return fn.type === "SymbolNode" ? (fn as unknown as { name: string }).name : fn.toString();
}

function checkTree(root: MathNode, variables: ReadonlySet<string>): void {
  const problems: ExpressionError[] = [];
  root.traverse((node, path, parent) => {
    if (node.type === "AssignmentNode" || node.type === "FunctionAssignmentNode") {
      problems.push(new ExpressionError("an expression without assignments", `"${node.toString()}"`));
    } else if (node.type === "FunctionNode") {
      const name = callee(node);
      if (FORBIDDEN_FUNCTIONS.includes(name)) {
        problems.push(new ExpressionError("an expression without the forbidden function", `${name}()`));
      } else if (!(name in math()) || typeof (math() as unknown as Record<string, unknown>)[name] !== "function") {
        problems.push(new ExpressionError("a known mathjs function", `unknown function ${name}()`));
      }
    } else if (node.type === "SymbolNode" && !(parent?.type === "FunctionNode" && path === "fn")) {
      const name = (node as unknown as { name: string }).name;
      if (!variables.has(name) && !CONSTANTS.has(name)) {
        const allowed = [...variables].join(", ") || "none";
        problems.push(new ExpressionError(`only the variables ${allowed}`, `unknown variable ${name}`));
      }
    } else if (node.type === "AccessorNode" || node.type === "ObjectNode" || node.type === "IndexNode") {
      problems.push(new ExpressionError("a numeric expression without objects or indexing", `"${node.toString()}"`));
    }
  });
  if (problems.length > 0) throw problems[0];
}

function asNumber(value: unknown, source: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ExpressionError("an expression with a finite real value", `${String(value)} from "${source}"`);
  }
  return value;
}

/**
 * Parses and checks `source` against the declared `variables`, then compiles it. Throws an
 * ExpressionError for syntax errors, forbidden or unknown functions, unknown variables, and for an
 * expression that is not a finite real number when every variable is 0.5 (the load-time trial).
 */
export function compileExpression(source: string, variables: readonly string[]): CompiledExpression {
  let tree: MathNode;
  try {
    tree = parseExpression(source);
  } catch (err) {
    throw new ExpressionError("a valid mathjs expression", `syntax error: ${(err as Error).message}`);
  }
  checkTree(tree, new Set(variables));
  const code: EvalFunction = tree.compile();
  const evaluate = (scope: Readonly<Record<string, number>>): number => {
    const sandboxScope = new Map<string, number>();
    for (const v of variables) {
      const x = scope[v];
      if (typeof x !== "number") throw new Error(`expression "${source}": variable ${v} has no value`);
      sandboxScope.set(v, x);
    }
    return asNumber(code.evaluate(sandboxScope), source);
  };
  const trial: Record<string, number> = {};
  for (const v of variables) trial[v] = 0.5;
  try {
    evaluate(trial);
  } catch (err) {
    if (err instanceof ExpressionError) throw err;
    throw new ExpressionError("an expression that evaluates", `error: ${(err as Error).message}`);
  }
  return { source, variables: [...variables], evaluate };
}

/** A number, or an expression string compiled against `variables`. */
export type NumberOrExpression = number | string;

/**
 * Evaluates a field that is either a plain number or an expression (compiled on each call). Plain
 * arithmetic skips mathjs (same values, same errors: see arithmeticExpression.ts); the expression was
 * checked when the scenario was loaded, so only the evaluation is needed here.
 */
export function compileNumberOrExpression(
  value: NumberOrExpression,
  variables: readonly string[],
): CompiledExpression {
  if (typeof value === "number") return { source: String(value), variables: [], evaluate: () => value };
  const arithmetic = compileArithmetic(value, variables);
  if (arithmetic === null) return compileExpression(value, variables);
  const evaluate = (scope: Readonly<Record<string, number>>): number => {
    for (const v of variables) {
      if (typeof scope[v] !== "number") throw new Error(`expression "${value}": variable ${v} has no value`);
    }
    return asNumber(arithmetic(scope), value);
  };
  const trial: Record<string, number> = {};
  for (const v of variables) trial[v] = 0.5;
  evaluate(trial); // the load-time trial of compileExpression: a non-finite value is an ExpressionError
  return { source: value, variables: [...variables], evaluate };
}
