// Prints a finished run's plausibility table as Markdown: npx tsx reports/plausibility/printPlausibility.ts <run dir> [netuid …]
// (with netuids: only those rows, plus the network's totals).
import { fileURLToPath } from "node:url";
import { plausibilityMarkdown, readPlausibility } from "./plausibilityTable.js";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, ...keep] = process.argv.slice(2);
  const only = new Set(keep.map(Number));
  const rows = await readPlausibility(dir);
  console.log(plausibilityMarkdown(rows, only.size > 0 ? (n) => only.has(n) : undefined));
}
