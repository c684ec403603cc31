// Dividends per unit of stake of each validator strategy, relative to honest validators:
//   ratio(s) = (Σ dividends_s / Σ stake_s) / (Σ dividends_honest / Σ stake_honest),
// sums over the strategy's validators and the task's epochs (stake-time weighted). A copier
// earning as much per staked unit as an honest validator has ratio 1.

export interface StrategyTotals {
  dividends: number;
  stake: number;
}

export const HONEST_STRATEGY = "honest";

/** Strategy → ratio, sorted by strategy name; NaN where undefined (no honest yield or no stake). */
export function dividendRatios(totals: ReadonlyMap<string, StrategyTotals>): Map<string, number> {
  const honest = totals.get(HONEST_STRATEGY);
  const honestYield = honest && honest.stake > 0 ? honest.dividends / honest.stake : NaN;
  const out = new Map<string, number>();
  for (const strategy of [...totals.keys()].sort()) {
    const t = totals.get(strategy)!;
    const own = t.stake > 0 ? t.dividends / t.stake : NaN;
    out.set(strategy, honestYield > 0 ? own / honestYield : NaN);
  }
  return out;
}
