/**
 * The per-block auto-claim of root dividends, ported from staking/claim_root.rs (14bc6f9f):
 * block_hash_to_indices picks up to NumRootClaim staking-coldkey indices from the previous block's
 * hash and run_auto_claim_root_divs claims each (errors are logged by the chain and skipped).
 * The 32-byte hash is the caller's (the simulator derives it deterministically).
 */
import { type ClaimEffect, type ClaimResult, type RootClaimPort, doRootClaim } from "./rootClaims.js";
import type { RootClaimsState } from "./rootClaimsState.js";
import { U64_MAX } from "../chainConstants.js";


/** u64::from_be_bytes(bytes[at..at+8]), or 0 when out of range (`unwrap_or([0; 8])`). */
function beU64(bytes: Uint8Array, at: number): bigint {
  if (at + 8 > bytes.length) return 0n;
  let v = 0n;
  for (let j = 0; j < 8; j++) v = (v << 8n) | BigInt(bytes[at + j]);
  return v;
}

/**
 * block_hash_to_indices(hash, k, n): start at the first 8 bytes, step by the i-th 8-byte word
 * (cycling over the 32 bytes), idx = (last + step, saturating) mod n (0 when n = 0); returns the
 * distinct indices ascending (a BTreeSet).
 */
export function blockHashToIndices(hash: Uint8Array, k: bigint, n: bigint): bigint[] {
  const set = new Set<bigint>();
  let last = beU64(hash, 0);
  for (let i = 0n; i < k; i++) {
    let at = i * 8n;
    if (at > U64_MAX) at = U64_MAX;
    const step = beU64(hash, Number(at % 32n));
    let sum = last + step;
    if (sum > U64_MAX) sum = U64_MAX;
    const idx = n === 0n ? 0n : sum % n;
    set.add(idx);
    last = idx;
  }
  return Array.from(set).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One auto-claim attempt, for logs: the coldkey and its outcome. */
export interface AutoClaimOutcome {
  coldkey: number;
  result: ClaimResult;
}

/** run_auto_claim_root_divs(last_block_hash): do_root_claim(ck, all subnets) for each picked index. */
export function runAutoClaimRootDivs(
  claims: RootClaimsState, port: RootClaimPort, lastBlockHash: Uint8Array, onClaim?: (e: ClaimEffect) => void,
): AutoClaimOutcome[] {
  const out: AutoClaimOutcome[] = [];
  for (const i of blockHashToIndices(lastBlockHash, claims.numRootClaim, claims.numStakingColdkeys)) {
    const ck = claims.coldkeyAt(i);
    if (ck === undefined) continue;
    out.push({ coldkey: ck, result: doRootClaim(claims, port, ck, null, onClaim) });
  }
  return out;
}
