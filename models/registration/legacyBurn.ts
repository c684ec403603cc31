/**
 * Per-block registration step, two selectable rules:
 *  - "decay" (the chain today): `registration.rs::update_registration_prices_for_networks`.
 *  - "legacyInterval" (selectable option, removed from the chain in Jan 2026, commit edc2b10f1):
 *    `block_step.rs::adjust_registration_terms_for_networks` + `upgraded_burn` as of 115c42049^,
 *    where every AdjustmentInterval blocks the burn moves toward
 *    burn · (regs + target) / (2 · target), EMA-smoothed by AdjustmentAlpha, clamped to [min, max].
 *    POW registrations no longer exist, so the POW count is always 0 here (cases A/D/F then never
 *    change the burn and the difficulty path is omitted).
 */
import { decayBurn, decayFactorQ32, type BurnParams } from "./burn.js";
import type { SubnetRegistrationState } from "./registerNeuron.js";
import { U128_MAX, U64_MAX } from "../chainConstants.js";

export interface LegacyRegistrationParams {
  /** `MaxRegistrationsPerBlock` (default 1). */
  maxRegistrationsPerBlock: number;
  /** `TargetRegistrationsPerInterval` (default 2); interval cap is 3× this. */
  targetRegistrationsPerInterval: number;
  /** `AdjustmentInterval` (blocks, default 100). */
  adjustmentInterval: number;
  /** `AdjustmentAlpha` (u64, weight of the old burn = alpha / u64::MAX; default 0). */
  adjustmentAlpha: bigint;
}

export const LEGACY_DEFAULTS: Readonly<LegacyRegistrationParams> = Object.freeze({
  maxRegistrationsPerBlock: 1,
  targetRegistrationsPerInterval: 2,
  adjustmentInterval: 100,
  adjustmentAlpha: 0n,
});

const F = 18n; // U110F18 fractional bits
const sat = (x: bigint) => (x > U128_MAX ? U128_MAX : x < 0n ? 0n : x);
const mul = (a: bigint, b: bigint) => sat((a * b) >> F);
const div = (a: bigint, b: bigint) => (b === 0n ? 0n : sat((a << F) / b)); // safe_div: 0 on a zero divisor
const u16Add = (a: number, b: number) => BigInt(Math.min(a + b, 0xffff));

/** chain (115c42049^): block_step.rs::upgraded_burn, in U110F18. */
export function upgradedBurn(burn: bigint, regsThisInterval: number, target: number, p: LegacyRegistrationParams, minBurn: bigint, maxBurn: bigint): bigint {
  const cur = burn << F;
  const updated = div(mul(cur, u16Add(regsThisInterval, target) << F), u16Add(target, target) << F);
  const alpha = div(p.adjustmentAlpha << F, U64_MAX << F);
  const one = 1n << F;
  const next = sat(mul(alpha, cur) + mul(one - alpha, updated));
  if (next >= maxBurn << F) return maxBurn;
  if (next <= minBurn << F) return minBurn;
  return next >> F;
}

/** chain (115c42049^): adjust_registration_terms_for_networks for one subnet (burn part), then the block counter reset. */
export function adjustRegistrationTermsLegacy(reg: SubnetRegistrationState, block: number, p: LegacyRegistrationParams, burn: BurnParams): void {
  if (Math.max(block - reg.lastAdjustmentBlock, 0) >= p.adjustmentInterval) {
    const regs = reg.registrationsThisInterval;
    const pow = 0;
    const burnRegs = reg.burnRegistrationsThisInterval;
    const target = p.targetRegistrationsPerInterval;
    // Cases B, F (too many; burn ≥ pow) and C, E (not enough; pow ≥ burn) move the burn.
    const moves = regs > target ? pow <= burnRegs : pow >= burnRegs;
    if (moves) reg.burn = upgradedBurn(reg.burn, regs, target, p, burn.minBurn, burn.maxBurn);
    reg.lastAdjustmentBlock = block;
    reg.registrationsThisInterval = 0;
    reg.burnRegistrationsThisInterval = 0;
  }
  reg.registrationsThisBlock = 0;
}

/**
 * The registration part of `block_step` for one non-root subnet at `block` (before extrinsics):
 * decay + clamp + counter reset, or the legacy interval adjustment.
 */
export function registrationBlockStep(reg: SubnetRegistrationState, block: number, rule: "decay" | "legacyInterval", burn: BurnParams, legacy: LegacyRegistrationParams, factor = decayFactorQ32(burn.halfLife)): void {
  if (rule === "legacyInterval") return adjustRegistrationTermsLegacy(reg, block, legacy, burn);
  reg.burn = decayBurn(reg.burn, block, burn, factor);
  reg.registrationsThisBlock = 0;
}
