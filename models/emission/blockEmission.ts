// Block emission and halvings (spec/emission.md §1.1–§1.2).
// Chain: pallets/subtensor/src/coinbase/block_emission.rs::get_block_emission_for_issuance,
//        coinbase/tao.rs::mint_tao. Used for TAO (from TotalIssuance) and for each subnet's alpha
//        (from SubnetAlphaIn + SubnetAlphaOut, run_coinbase.rs::get_subnet_terms).

/** `TotalSupply` / `MAX_TAO_ISSUANCE`: 21M TAO in rao. */
export const TOTAL_SUPPLY = 21_000_000_000_000_000n;
/** `DefaultBlockEmission`: 1 TAO in rao. */
export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n;

const ONE = 1n << 32n; // I96F32 1.0
const I96_MAX = (1n << 127n) - 1n;

/**
 * Exact port of get_block_emission_for_issuance (I96F32 throughout): r = I/21e15,
 * y = 1/(1−r), k = floor(log2 y) by substrate_fixed's halving loop (lsb rounded up),
 * E = floor(2^-k · 1e9). Returns 0 at or above the supply cap (and when the chain's checked ops fail).
 */
export function blockEmissionForIssuanceExact(issuance: bigint): bigint {
  if (issuance >= TOTAL_SUPPLY) return 0n;
  const r = ((issuance << 32n) << 32n) / (TOTAL_SUPPLY << 32n); // I96F32 div, truncating
  const oneMinusR = ONE - r;
  if (oneMinusR <= 0n) return 0n;
  const y = (ONE << 32n) / oneMinusR;
  // transcendental::log2 integer part: halve (round the dropped lsb up) while x >= 2.
  let k = 0;
  let x = y;
  const two = 2n * ONE;
  while (x >= two) {
    k++;
    x = (x >> 1n) + (x & 1n);
  }
  let mult = 1n << (BigInt(k) + 32n); // 2^k, saturating
  if (mult > I96_MAX) mult = I96_MAX;
  const pct = (ONE << 32n) / mult; // 1.safe_div(mult)
  const e = (pct * (DEFAULT_BLOCK_EMISSION << 32n)) >> 32n; // pct * I96F32(1e9), floor
  return e >> 32n;
}

/** Emission values of the schedule: floor(1e9·2^-m) for m = 0..32, then 0. */
const VALUES: bigint[] = [];
/** THRESHOLDS[m] = smallest issuance whose emission is ≤ VALUES[m] (m ≥ 1); THRESHOLDS[0] = 0. */
const THRESHOLDS: bigint[] = [];

(function buildSchedule(): void {
  for (let m = 0; m <= 33; m++) VALUES.push(m > 32 ? 0n : DEFAULT_BLOCK_EMISSION >> BigInt(m));
  THRESHOLDS.push(0n);
  for (let m = 1; m < VALUES.length; m++) {
    let lo = THRESHOLDS[m - 1];
    let hi = TOTAL_SUPPLY; // emission(hi) = 0 ≤ VALUES[m]
    while (lo < hi) {
      const mid = (lo + hi) >> 1n;
      if (blockEmissionForIssuanceExact(mid) <= VALUES[m]) hi = mid;
      else lo = mid + 1n;
    }
    THRESHOLDS.push(lo);
  }
})();

/** Issuance thresholds at which the emission halves (index m = number of halvings); for reports. */
export function halvingThresholds(): readonly bigint[] {
  return THRESHOLDS;
}

/**
 * get_block_emission_for_issuance via the precomputed exact thresholds (bit-identical to
 * blockEmissionForIssuanceExact, tested); a few comparisons instead of the log2 loop.
 */
export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= TOTAL_SUPPLY) return 0n;
  let m = 0;
  while (m + 1 < THRESHOLDS.length && issuance >= THRESHOLDS[m + 1]) m++;
  return VALUES[m];
}

/**
 * mint_tao: the amount actually created, min(E, MAX_TAO_ISSUANCE − issuance) (saturating).
 * The chain reads the balances pallet's issuance here; the simulator keeps one issuance.
 */
export function mintableTao(emission: bigint, issuance: bigint): bigint {
  const remaining = issuance >= TOTAL_SUPPLY ? 0n : TOTAL_SUPPLY - issuance;
  return emission < remaining ? emission : remaining;
}
