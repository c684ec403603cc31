// Root dividends reach root stakers through claims (staking/claim_root.rs), wired to the world:
// `run_auto_claim_root_divs` in block_step after the moving prices, for NumRootClaim coldkeys picked
// from the previous block's hash. The simulator has no block hashes: each block's 32 bytes come from
// the named stream "chain/block-hash" (deterministic per seed). Claims run through models/staking's
// root-claim functions on models/emission's economy port; ops.csv gets a `claim_root` row per claim.
import { economyClaimPort, recordRootClaim } from "../../models/emission/economyClaimPort.js";
import { runAutoClaimRootDivs } from "../../models/staking/autoClaimRoot.js";
import { claimRoot } from "../../models/staking/rootClaims.js";
import type { ClaimEffect, RootClaimPort } from "../../models/staking/rootClaims.js";
import type { World } from "./World.js";
import { TWO32 } from "../../models/chainConstants.js";

const ports = new WeakMap<World, { port: RootClaimPort; hash: Uint8Array; draw: () => number; at: { block: number }; onClaim: (e: ClaimEffect) => void }>();

function portOf(world: World) {
  let p = ports.get(world);
  if (p === undefined) {
    const econ = world.econ;
    const port = economyClaimPort(econ, {
      rootStake: (hk, ck) => world.accounts.stakeOf(hk, ck, 0),
      stakingHotkeys: (ck) => world.stakingHotkeys.get(ck) ?? [],
      sink: world.accounts,
    });
    const at = { block: 0 };
    p = { port, hash: new Uint8Array(32), draw: world.rng.stream("chain/block-hash"), at, onClaim: claimRecorder(world, at) };
    ports.set(world, p);
  }
  return p;
}

/** Records a claim's effects; `at.block` is the block it happens in (one recorder per world, no per-block closure). */
function claimRecorder(world: World, at: { block: number }): (e: ClaimEffect) => void {
  const econ = world.econ;
  return (e) => {
    const block = at.block;
    recordRootClaim(econ, e);
    world.rootClaimedTao += e.tao;
    world.rootClaimedAlpha[e.netuid] = (world.rootClaimedAlpha[e.netuid] ?? 0n) + e.alpha;
    if (e.tao > 0n) world.alphaSold[e.netuid] = (world.alphaSold[e.netuid] ?? 0n) + e.alpha;
    world.ops?.record({
      block, op: "claim_root", coldkey: e.coldkey, hotkey: e.hotkey, netuid: e.netuid, originNetuid: -1,
      amountIn: e.alpha, amountOut: e.tao, fee: 0n, taoBefore: null, alphaBefore: null, taoAfter: econ.subnetTao[e.netuid], alphaAfter: econ.alphaIn[e.netuid],
      quoteWeight: econ.quoteWeight[e.netuid], result: "ok",
    });
  };
}

/** The claim_root extrinsic of `coldkey` on the subnet slots `netuids` at `block`; the chain's error name on refusal. */
export function claimRootNow(world: World, coldkey: number, netuids: readonly number[], block: number): { ok: true } | { ok: false; error: string } {
  const p = portOf(world);
  p.at.block = block;
  const r = claimRoot(world.econ.rootClaims, p.port, coldkey, new Set(netuids), p.onClaim);
  if (!r.ok) world.ops?.record({ block, op: "claim_root", coldkey, hotkey: -1, netuid: netuids[0] ?? -1, originNetuid: -1, amountIn: 0n, amountOut: 0n, fee: 0n, taoBefore: null, alphaBefore: null, taoAfter: null, alphaAfter: null, quoteWeight: null, result: r.error });
  return r;
}

/** run_auto_claim_root_divs at `block`. */
export function autoClaimRoot(world: World, block: number): void {
  const p = portOf(world);
  for (let k = 0; k < 32; k += 4) {
    const w = Math.floor(p.draw() * TWO32);
    p.hash[k] = w >>> 24;
    p.hash[k + 1] = (w >>> 16) & 255;
    p.hash[k + 2] = (w >>> 8) & 255;
    p.hash[k + 3] = w & 255;
  }
  p.at.block = block;
  runAutoClaimRootDivs(world.econ.rootClaims, p.port, p.hash, p.onClaim);
}
