// The readable derivation `taosim explain` prints: a few short paragraphs with the numbers, in the order
// the epoch computes them (stake → weights received → incentive; weights given → trust → bonds → dividends;
// emission). The same facts as the --json data, fewer of the long lists.
import type { Explanation, Fixed } from "./explainNeuron.js";
import { TWO32, U16_MAX } from "../../models/chainConstants.js";

/** Where the explained row came from (task, epoch, …), for the heading. */
export interface ExplainHeading {
  task: number;
  netuid: number;
  epoch: number;
  hotkey: string;
  role: string;
  /** neurons.csv's alpha_stake (sampled after the epoch's emission was paid), when known. */
  csvAlphaStake?: string;
}

const LIST = 6; // entries shown per list in the text (all are in --json)

/** A proportion to 6 significant digits. */
export function num(x: number): string {
  return x === 0 ? "0" : String(Number(x.toPrecision(6)));
}
const f = (x: Fixed): string => num(x.value);
const pct = (x: number): string => `${num(x * 100)} %`;
const u16 = (x: Fixed): number => Math.min(U16_MAX, Math.floor((Number(x.bits) * U16_MAX) / TWO32));

export function formatExplanation(h: ExplainHeading, e: Explanation): string {
  const out: string[] = [];
  const s = e.stake;
  out.push(`uid ${e.uid} of netuid ${h.netuid} (hotkey ${h.hotkey}, ${h.role}), task ${h.task}, epoch ${h.epoch} at block ${e.block}: ${e.n} uids, ${e.yuma3 ? "Yuma3" : "classic Yuma"} bonds${e.liquidAlpha ? " with liquid alpha" : ""}, κ = ${f(e.kappa)}, this epoch distributes ${e.raoEmission} rao of alpha.`);
  out.push("");
  out.push("Stake");
  out.push(`  at the epoch: alpha ${s.alphaStake} rao + TaoWeight × root ${s.taoStake} rao = ${s.totalStake} rao → stake weight ${f(s.stakeWeight)} (u16 ${u16(s.stakeWeight)}) of the subnet's stake.`);
  if (h.csvAlphaStake !== undefined && h.csvAlphaStake !== s.alphaStake) out.push(`  (neurons.csv's alpha_stake ${h.csvAlphaStake} is sampled after this epoch's emission was paid.)`);
  out.push(`  ${s.active ? "active" : "inactive"}: last update ${s.lastUpdate} ${s.active ? "≥" : "<"} block ${e.block} − cutoff ${s.activityCutoff}; permit before this epoch: ${s.previousPermit ? "yes" : "no"}, after: ${s.validatorPermit ? "yes" : "no"}.`);
  out.push(`  active stake ${f(s.activeStake)}${s.activeStake.value === 0 ? (s.active && s.previousPermit ? " (no stake)" : " (only active, permitted uids count)") : ""}: its say in consensus and its share of bonds.`);
  if (e.miner !== null) {
    const m = e.miner;
    out.push("");
    out.push("As a miner");
    out.push(`  consensus ${f(m.consensus)} (u16 ${u16(m.consensus)}): the stake-weighted κ-median of the weights ${m.received.filter((r) => r.weight.value > 0).length} staked validators gave it;`);
    out.push(`  validators holding ${pct(m.stakeAtOrAbove)} of active stake weighted it at or above the consensus (κ = ${pct(e.kappa.value)}), ${pct(m.stakeBelow)} below.`);
    const above = m.received.filter((r) => r.side === "above");
    if (above.length > 0) {
      out.push(`  clipped down to the consensus (${pct(m.stakeAbove)} of active stake): ${above.slice(0, LIST).map((r) => `uid ${r.validator} ${f(r.weight)} → ${f(r.clipped)}`).join(", ")}${more(above.length)}.`);
    }
    const top = m.received.filter((r) => r.side !== "above" && r.weight.value > 0).slice(0, LIST);
    if (top.length > 0) out.push(`  kept in full (largest stake first): ${top.map((r) => `uid ${r.validator} ${f(r.weight)} (stake ${f(r.activeStake)})`).join(", ")}.`);
    out.push(`  rank = Σ clipped weight × active stake = ${f(m.rank)}; incentive = rank / Σ ranks ${f(m.ranksTotal)} = ${f(m.incentive)} (u16 ${u16(m.incentive)}).`);
  }
  if (e.validator !== null) {
    const v = e.validator;
    out.push("");
    out.push("As a validator");
    const lost = v.given.filter((g) => g.clipped.value < g.weight.value).sort((a, b) => b.weight.value - b.clipped.value - (a.weight.value - a.clipped.value));
    out.push(`  it weighted ${v.given.length} uids (row-normalised); validator trust = Σ weight kept after clipping to consensus = ${f(v.validatorTrust)} (u16 ${u16(v.validatorTrust)}).`);
    if (lost.length > 0) out.push(`  above consensus (clipped): ${lost.slice(0, LIST).map((g) => `uid ${g.miner} ${f(g.weight)} vs ${f(g.consensus)}`).join(", ")}${more(lost.length)}.`);
    const bonds = [...v.bonds].sort((a, b) => b.contribution.value - a.contribution.value);
    out.push(`  bonds: ${v.bonds.length} entries, the EMA${e.liquidAlpha ? " (liquid alpha)" : ""} of ${e.yuma3 ? "its weights for bonds (W + β·(clipped − W))" : "ΔB = weights for bonds × active stake, column-normalised"} and its old bonds; largest dividend sources:`);
    for (const b of bonds.slice(0, LIST)) out.push(`    uid ${b.miner}: bond ${f(b.bond)} (stored u16 before: ${b.previousU16}), share ${f(b.normalized)} × incentive ${f(b.incentive)} = ${f(b.contribution)}`);
    if (bonds.length > LIST) out.push(`    … ${bonds.length - LIST} more`);
    out.push(`  dividends = ${e.yuma3 ? "(Σ share × incentive) × active stake" : "Σ share × incentive"} = ${f(v.dividendRaw)}, / Σ over all validators ${f(v.dividendRawTotal)} = ${f(v.dividends)} (u16 ${u16(v.dividends)}).`);
    if (s.activeStake.value > 0) out.push(`  that is ${num(v.dividends.value / s.activeStake.value)}× its share of active stake (1 = dividends in proportion to stake).`);
  }
  if (e.miner === null && e.validator === null) {
    out.push("");
    out.push("It received no weights, set none that survived the masks and holds no bonds: no incentive and no dividends.");
  }
  out.push("");
  out.push("Emission");
  const em = e.emission;
  if (em.fallbackToStake) out.push(`  Σ incentive + dividends is 0: the epoch pays by active stake instead (emergency split): ${em.total} rao.`);
  else {
    out.push(`  server = incentive ${f(em.incentive)} / Σ(incentive + dividends) ${f(em.incentivePlusDividendsTotal)} × ${e.raoEmission} rao = ${em.server} rao;`);
    out.push(`  validator = dividends ${f(em.dividends)} / ${f(em.incentivePlusDividendsTotal)} × ${e.raoEmission} rao = ${em.validator} rao; total ${em.total} rao.`);
  }
  return `${out.join("\n")}\n`;
}

function more(count: number): string {
  return count > LIST ? ` and ${count - LIST} more` : "";
}
