// The metrics written per task (summary.csv) and per sweep point (aggregate.csv), in column order.
// The dividend-ratio columns depend on which validator strategies the run has.
import { HONEST_STRATEGY } from "./dividendRatios.js";
import type { RunMetrics, TaskMetrics } from "./readRunMetrics.js";

export interface MetricColumn {
  /** CSV column name. */
  name: string;
  /** Human label for charts and findings. */
  label: string;
  value(t: TaskMetrics): number;
}

const n = (v: number | undefined): number => (v === undefined ? NaN : v);

export function metricColumns(run: RunMetrics): MetricColumn[] {
  const strategies = new Set<string>();
  for (const t of run.tasks.values()) for (const s of t.neurons?.dividendRatios.keys() ?? []) strategies.add(s);
  strategies.delete(HONEST_STRATEGY);
  const columns: MetricColumn[] = [];
  if (run.tables.neurons) {
    columns.push(
      { name: "stake_gini", label: "Gini of stake", value: (t) => n(t.neurons?.stakeGini) },
      { name: "stake_nakamoto", label: "Nakamoto coefficient of stake", value: (t) => n(t.neurons?.stakeNakamoto) },
      { name: "emission_gini", label: "Gini of emission", value: (t) => n(t.neurons?.emissionGini) },
      { name: "emission_nakamoto", label: "Nakamoto coefficient of emission", value: (t) => n(t.neurons?.emissionNakamoto) },
      { name: "quality_spearman", label: "Spearman ρ of miner incentive vs true quality (mean over subnets)", value: (t) => n(t.neurons?.qualitySpearman) },
    );
    for (const s of [...strategies].sort())
      columns.push({
        name: `dividend_ratio_${s}`,
        label: `${s} dividends per stake ÷ honest`,
        value: (t) => n(t.neurons?.dividendRatios.get(s)),
      });
  }
  const hasRoleShares = [...run.tasks.values()].some((t) => t.subnets?.emissionShare);
  if (hasRoleShares || run.tables.neurons) {
    const share = (t: TaskMetrics, role: "owner" | "miners" | "validators" | "root"): number => {
      if (t.subnets?.emissionShare) return t.subnets.emissionShare[role];
      if (hasRoleShares || !t.neurons) return NaN;
      const total = t.neurons.serverEmission + t.neurons.validatorEmission; // neurons.csv fallback
      if (!(total > 0)) return NaN;
      return role === "miners" ? t.neurons.serverEmission / total : role === "validators" ? t.neurons.validatorEmission / total : 0;
    };
    for (const role of ["owner", "miners", "validators", "root"] as const)
      columns.push({ name: `emission_share_${role}`, label: `share of emission to ${role}`, value: (t) => share(t, role) });
  }
  if (run.tables.subnets)
    columns.push(
      { name: "price_final", label: "final price (TAO per alpha, mean over subnets)", value: (t) => n(t.subnets?.priceFinal) },
      { name: "tao_reserve_final", label: "final TAO reserves (rao)", value: (t) => n(t.subnets?.taoReserveFinal) },
      { name: "alpha_reserve_final", label: "final alpha reserves (rao)", value: (t) => n(t.subnets?.alphaReserveFinal) },
    );
  if (run.tables.chain)
    columns.push(
      { name: "issuance_final", label: "final total issuance (rao)", value: (t) => n(t.chain?.issuanceFinal) },
      { name: "issued", label: "TAO issued during the run (rao)", value: (t) => n(t.chain?.issued) },
    );
  return columns;
}
