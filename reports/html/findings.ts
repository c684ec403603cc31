// Key findings as plain sentences with numbers, from the per-point summaries. With up to three
// sweep points each sentence gives every point's value side by side ("0.957× at liquidAlpha=false
// and 0.989× at liquidAlpha=true"); for larger sweeps, the range of each headline metric.
import type { MetricColumn } from "../metrics/metricColumns.js";
import type { QuantileSummary } from "../metrics/ReplicateStats.js";
import type { PointSummary } from "../metrics/runTables.js";
import { formatPercent, formatTao, formatValue } from "./formatValue.js";

const MAX_POINTS_IN_DETAIL = 3;

export function findings(points: PointSummary[], labels: Map<number, string>, metrics: MetricColumn[]): string[] {
  const tasks = points.reduce((s, p) => s + p.tasks, 0);
  const failed = points.reduce((s, p) => s + p.failed, 0);
  const out = [`${tasks} task${tasks === 1 ? "" : "s"} over ${points.length} sweep point${points.length === 1 ? "" : "s"}; ${failed === 0 ? "none failed" : `${failed} failed`}.`];
  if (points.length <= MAX_POINTS_IN_DETAIL) out.push(...detailedFindings(points, labels, metrics));
  else out.push(...sweepFindings(points, labels, metrics));
  return out;
}

type Format = (v: number) => string;

/** "0.957 (5–95 % over 2 replicates: 0.956 to 0.958)" for one point, or each point's value labelled. */
function values(points: PointSummary[], labels: Map<number, string>, name: string, f: Format = formatValue): string | null {
  const shown = points.filter((p) => Number.isFinite(p.metrics.get(name)?.mean));
  if (shown.length === 0) return null;
  const one = (s: QuantileSummary) =>
    `${f(s.mean)}${s.n > 1 && s.p05 !== s.p95 ? ` (5–95 % over ${s.n} replicates: ${f(s.p05)} to ${f(s.p95)})` : ""}`;
  if (points.length === 1) return one(shown[0].metrics.get(name)!);
  const means = new Set(shown.map((p) => f(p.metrics.get(name)!.mean)));
  if (shown.length === points.length && means.size === 1) return `${[...means][0]} at every sweep point`;
  return joinAnd(shown.map((p) => `${one(p.metrics.get(name)!)} at ${labels.get(p.point)}`));
}

function detailedFindings(points: PointSummary[], labels: Map<number, string>, metrics: MetricColumn[]): string[] {
  const out: string[] = [];
  const v = (name: string, f?: Format) => values(points, labels, name, f);
  for (const m of metrics.filter((m) => m.name.startsWith("dividend_ratio_"))) {
    const text = v(m.name, (x) => `${formatValue(x)}×`);
    const strategy = m.name.slice("dividend_ratio_".length);
    if (!text) continue;
    if (points.length === 1) out.push(`Validators following the "${strategy}" strategy earned ${text} the dividends per unit of stake of honest validators (1× = parity).`);
    else out.push(`Dividends per unit of stake of "${strategy}" validators relative to honest validators (1× = parity): ${text}.`);
  }
  const rho = v("quality_spearman");
  if (rho) out.push(`Miners' incentive tracks their true quality with Spearman ρ = ${rho}.`);
  const stake = v("stake_gini");
  if (stake) out.push(`Stake at the end of the run has a Gini coefficient of ${stake}.`);
  const stakeK = v("stake_nakamoto");
  if (stakeK) out.push(`The smallest number of hotkeys holding more than half of the stake (Nakamoto coefficient) is ${stakeK}.`);
  const emission = v("emission_gini");
  if (emission) out.push(`Emission over the run has a Gini coefficient of ${emission}.`);
  const emissionK = v("emission_nakamoto");
  if (emissionK) out.push(`The smallest number of hotkeys receiving more than half of the emission is ${emissionK}.`);
  const roleNames: Record<string, string> = { miners: "miners", validators: "validators", owner: "subnet owners", root: "root" };
  const splits = points.map((p) => {
    const roles = (["miners", "validators", "owner", "root"] as const).filter((r) => Number.isFinite(p.metrics.get(`emission_share_${r}`)?.mean));
    return roles.length === 0 ? "" : `mission went ${joinAnd(roles.map((r) => `${formatPercent(p.metrics.get(`emission_share_${r}`)!.mean)} to ${roleNames[r]}`))}.`;
  });
  if (points.length === 1 || new Set(splits).size === 1) {
    if (splits[0]) out.push(`${points.length > 1 ? "At every sweep point, e" : "E"}${splits[0]}`);
  } else points.forEach((p, i) => splits[i] && out.push(`At ${labels.get(p.point)}, e${splits[i]}`));
  const issued = v("issued", formatTao);
  if (issued) out.push(`Total issuance grew by ${issued}.`);
  const price = v("price_final");
  if (price) out.push(`The final subnet price (TAO per alpha, mean over subnets) was ${price}.`);
  return out;
}

function sweepFindings(points: PointSummary[], labels: Map<number, string>, metrics: MetricColumn[]): string[] {
  const out: string[] = [];
  const headline = metrics.filter((m) => m.name.startsWith("dividend_ratio_") || ["quality_spearman", "stake_gini", "emission_gini", "emission_share_validators"].includes(m.name));
  for (const m of headline) {
    const finite = points.filter((p) => Number.isFinite(p.metrics.get(m.name)?.mean));
    if (finite.length === 0) continue;
    const mean = (p: PointSummary) => p.metrics.get(m.name)!.mean;
    let lo = finite[0];
    let hi = finite[0];
    for (const p of finite) {
      if (mean(p) < mean(lo)) lo = p;
      if (mean(p) > mean(hi)) hi = p;
    }
    out.push(`Across ${finite.length} sweep points, the ${m.label} ranged from ${formatValue(mean(lo))} (${labels.get(lo.point)}) to ${formatValue(mean(hi))} (${labels.get(hi.point)}).`);
  }
  return out;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
