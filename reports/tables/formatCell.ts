// How a value is spelled in a CSV cell. Floats are rounded to 12 significant digits so that
// summation noise in the last bits never reaches the file; missing and non-finite values are empty.

export type CsvCell = string | number | bigint | boolean | null | undefined;

/** Significant digits kept for non-integer numbers. */
export const CSV_SIGNIFICANT_DIGITS = 12;

/** The text of one CSV cell (before quoting). */
export function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  return value;
}

/** A safe integer exactly; any other finite number rounded to 12 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (Number.isSafeInteger(value)) return String(value);
  const rounded = Number(value.toPrecision(CSV_SIGNIFICANT_DIGITS));
  return String(rounded === 0 ? 0 : rounded);
}
