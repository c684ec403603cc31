// Numbers as a reader sees them in report.html: 3 significant digits, thousands grouped with thin
// spaces, percentages for shares.

export function formatValue(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return "n/a";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e4 || Number.isInteger(v)) return groupThousands(Math.round(v));
  if (abs < 1e-3) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}

export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${String(Number((share * 100).toPrecision(3)))} %` : "n/a";
}

export function formatTao(rao: number): string {
  return `${formatValue(rao / 1e9)} TAO`;
}

function groupThousands(n: number): string {
  const sign = n < 0 ? "−" : "";
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009");
}
