// Scenario values as the models need them: TAO → rao, fractions → u64, number-or-expression fields
// evaluated with `u` and `z` drawn from the field's own named stream (3 uniforms per evaluation).
import { compileNumberOrExpression, type NumberOrExpression } from "../../scenarios/expressions.js";
import { normal } from "../rng/distributions.js";
import type { Stream } from "../rng/createRng.js";
import { U64_MAX } from "../../models/chainConstants.js";


/** TAO (decimal number) → rao, rounded to the nearest rao. */
export function rao(tao: number): bigint {
  return BigInt(Math.round(tao * 1e9));
}

/** TaoWeight as written (a fraction in [0, 1] or a decimal u64 string) → raw u64. */
export function taoWeightRaw(v: number | string): bigint {
  if (typeof v === "string") return BigInt(v);
  return (BigInt(Math.round(v * 1e18)) * U64_MAX) / 1_000_000_000_000_000_000n;
}

/** A number-or-expression field compiled once; each call draws u and z from `stream`. */
export function fieldEvaluator(value: NumberOrExpression, variables: readonly string[], stream: Stream): (vars: Record<string, number>) => number {
  if (typeof value === "number") return () => value;
  const expr = compileNumberOrExpression(value, variables);
  const scope: Record<string, number> = {};
  return (vars) => {
    for (const k of Object.keys(vars)) scope[k] = vars[k];
    scope.u = stream();
    scope.z = normal(stream);
    return expr.evaluate(scope);
  };
}
