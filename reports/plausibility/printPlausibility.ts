// Prints a finished run's plausibility table as Markdown, then the staking yields by kind of stake and
// their definitions: node dist/reports/plausibility/printPlausibility.js <run dir> [netuid …]
// (with netuids: only those rows, plus the network's totals).
import { fileURLToPath } from "node:url";
import { pct, plausibilityMarkdown, spread, yieldDefinitions } from "./plausibilityTable.js";
import { readPlausibility } from "./readPlausibility.js";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, ...keep] = process.argv.slice(2);
  const only = new Set(keep.map(Number));
  const { rows, yields } = await readPlausibility(dir);
  console.log(plausibilityMarkdown(rows, only.size > 0 ? (n) => only.has(n) : undefined, yields));
  if (yields) {
    console.log(`\nStaking yield by kind of stake: root ${pct(yields.rootYield)}; alpha across subnets ${spread(yields.alphaYield)}; per validator (full-detail subnets, ${yields.validatorYield.count}) ${spread(yields.validatorYield)}.\n`);
    for (const d of yieldDefinitions(yields)) console.log(`- ${d}`);
  }
}
