// A task's ColumnTable as CSV text (header line + rows, `\n` line ends), cells spelled by
// reports/tables formatCell (integers exact, rao as decimal bigints, floats to 12 significant digits)
// and quoted RFC-4180 style only when needed.
import { formatCell } from "../../reports/tables/formatCell.js";
import type { ColumnTable } from "./ColumnTable.js";

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line (column names joined by commas, no line break). */
export function csvHeader(table: ColumnTable): string {
  return table.names.map(quote).join(",");
}

/** Every row as CSV text, each ending with `\n`. */
export function csvRows(table: ColumnTable): string {
  const parts: string[] = [];
  const cols = table.columns.length;
  const cells: string[] = new Array<string>(cols);
  for (let r = 0; r < table.rows; r++) {
    for (let c = 0; c < cols; c++) cells[c] = quote(formatCell(table.cell(r, c)));
    parts.push(cells.join(","));
  }
  return parts.length > 0 ? `${parts.join("\n")}\n` : "";
}
