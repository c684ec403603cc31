/**
 * Input guards for the root layer's configuration (claim types, childkey proportions, share rule):
 * typed errors with the field path, what was expected and what was found, so the scenario loader
 * can attach file:line:col and exit 2 before any output.
 */
import type { ShareRule } from "../emission/chainEconomy.js";
import type { ChildLink } from "./childkeys.js";
import type { RootClaimType } from "./rootClaimsState.js";
import { U64_MAX } from "../chainConstants.js";


export class RootLayerInputError extends Error {
  readonly code = "ROOT_LAYER_INPUT";
  constructor(readonly path: string, readonly expected: string, readonly found: string) {
    super(`${path}: expected ${expected}, found ${found}`);
    this.name = "RootLayerInputError";
  }
}

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : typeof v === "bigint" ? `${v}` : JSON.stringify(v) ?? String(v));

/** RootClaimTypeEnum from input: "Swap" | "Keep" | { keepSubnets: [netuid, …] } (non-empty). */
export function parseRootClaimType(v: unknown, path: string): RootClaimType {
  if (v === "Swap" || v === "swap") return { kind: "Swap" };
  if (v === "Keep" || v === "keep") return { kind: "Keep" };
  if (typeof v === "object" && v !== null && "keepSubnets" in v) {
    const s = (v as { keepSubnets: unknown }).keepSubnets;
    if (Array.isArray(s) && s.length > 0 && s.every((n) => Number.isInteger(n) && n >= 0 && n <= 65_535)) {
      return { kind: "KeepSubnets", subnets: new Set(s as number[]) };
    }
    throw new RootLayerInputError(`${path}.keepSubnets`, "a non-empty list of netuids (0–65535)", show(s));
  }
  throw new RootLayerInputError(path, `a root claim type ("Swap", "Keep" or { keepSubnets: [...] })`, show(v));
}

/**
 * Childkey proportions given as decimals in [0, 1] → u64 parts of u64::MAX (⌊p·(2^64 − 1)⌋, computed
 * exactly as ⌈p·2^64⌉ − 1 since p·2^64 is exact in a double), whose
 * sum must not exceed u64::MAX (the chain's ProportionOverflow): a sum above 1 is refused.
 */
export function childkeyProportions(children: ReadonlyArray<{ hotkey: number; proportion: number }>, path: string): ChildLink[] {
  let total = 0n;
  const out: ChildLink[] = [];
  children.forEach((c, k) => {
    const p = c.proportion;
    if (!Number.isFinite(p) || p < 0 || p > 1) throw new RootLayerInputError(`${path}[${k}].proportion`, "a number in [0, 1]", show(p));
    const u = p === 0 ? 0n : BigInt(Math.ceil(p * 2 ** 64)) - 1n;
    total += u;
    out.push({ hotkey: c.hotkey, proportion: u });
  });
  if (total > U64_MAX) {
    const sum = children.reduce((a, c) => a + c.proportion, 0);
    throw new RootLayerInputError(path, "childkey proportions summing to at most 1", `a sum of ${sum}`);
  }
  return out;
}

/** The coinbase share rule from input: "price" or "flow". */
export function parseShareRule(v: unknown, path: string): ShareRule {
  if (v === "price" || v === "flow") return v;
  throw new RootLayerInputError(path, `"price" or "flow"`, show(v));
}
