// Test helpers of models/emission: the chain mock's network set-ups (pallets/subtensor/src/tests/mock.rs), and the vectors.
// Mock ≠ prod: owner cut 0, TaoWeight 0 (spec/emission.md §8).

import { readFileSync } from "node:fs";
import type { EpochOutput, SparseU16 } from "../../models/consensus/types.js";
import { type ChainEconomy, addSubnet, createChainEconomy } from "../../models/emission/chainEconomy.js";
import { TWO32, U64_MAX } from "../../models/chainConstants.js";

export const emissionVectors = JSON.parse(
  readFileSync(new URL("../vectors/emission/emission-vectors.json", import.meta.url), "utf8"),
);

/** new_test_ext with mock parameters. */
export function mockNet(netuids = 4, hotkeys = 16): ChainEconomy {
  return createChainEconomy({ netuids, hotkeys, params: { subnetOwnerCut: 0, taoWeight: 0n } });
}

/** add_network(netuid, tempo, 0): stable pool, emission enabled, eligible, no owner. */
export function addNetwork(s: ChainEconomy, netuid: number, tempo = 1): void {
  addSubnet(s, { netuid, mechanism: 0, tempo, firstEmissionBlock: 0 });
}

/** set_full_injection_root_stake: SubnetTAO[0] = 1e18, TaoWeight = u64::MAX. */
export function fullRoot(s: ChainEconomy): void {
  s.subnetTao[0] = 1_000_000_000_000_000_000n;
  s.params.taoWeight = U64_MAX;
}

/** Sets pool reserves without touching issuance (the mock's setup_reserves / storage inserts). */
export function setReserves(s: ChainEconomy, netuid: number, tao: bigint, alpha: bigint): void {
  s.subnetTao[netuid] = tao;
  s.alphaIn[netuid] = alpha;
  s.alphaIssuance[netuid] = alpha + s.alphaOut[netuid];
}

/** I96F32::from_num(x) for dyadic or test constants (round to nearest). */
export function i96(x: number): bigint {
  return BigInt(Math.round(x * TWO32));
}

function emptySparse(n: number): SparseU16 {
  return { rowPtr: new Int32Array(n + 1), col: new Int32Array(0), val: new Uint16Array(0) };
}

/** An EpochOutput carrying only the per-UID server (incentive) and validator (dividend) emissions. */
export function epochOf(server: number[], validator: number[]): EpochOutput {
  const n = server.length;
  return {
    active: new Uint8Array(n).fill(1),
    stakeWeight: new Uint16Array(n),
    consensus: new Uint16Array(n),
    incentive: new Uint16Array(n),
    dividends: new Uint16Array(n),
    validatorTrust: new Uint16Array(n),
    validatorPermit: new Uint8Array(n),
    bonds: emptySparse(n),
    storedBonds: emptySparse(n),
    serverEmission: Float64Array.from(server),
    validatorEmission: Float64Array.from(validator),
    emission: Float64Array.from(server.map((x, i) => x + validator[i])),
  };
}

/** Stakes freshly minted alpha to a hotkey (stake, SubnetAlphaOut and issuance move together). */
export function mintStake(s: ChainEconomy, netuid: number, hotkey: number, amount: bigint): void {
  s.keys.stake[netuid][hotkey] += amount;
  s.alphaOut[netuid] += amount;
  if (netuid === 0) s.subnetTao[0] += amount;
  else s.alphaIssuance[netuid] += amount;
}

/** Buckets as drain_pending hands them over: minted into SubnetAlphaOut, pending already zeroed. */
export function mintDrained(s: ChainEconomy, netuid: number, total: bigint): void {
  s.alphaOut[netuid] += total;
  s.alphaIssuance[netuid] += total;
}
