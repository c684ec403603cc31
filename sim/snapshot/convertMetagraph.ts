// Converts an archived float metagraph JSON into a taosim.snapshot/1 file (metagraphToSnapshot.ts),
// validates it, and writes it atomically. Run it once per archived metagraph:
//
//   npx tsx sim/snapshot/convertMetagraph.ts test/vectors/metagraphs/sn15-4769998.json scenarios/snapshots/sn15-4769998.json
//
// How the metagraph JSON itself is made from yuma-simulation's .pt file: docs/snapshots.md.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { formatSnapshotText } from "./formatSnapshotText.js";
import { loadSnapshotText } from "./loadSnapshot.js";
import { metagraphToSnapshot, type FloatMetagraph } from "./metagraphToSnapshot.js";

/** The snapshot text for a metagraph JSON text (validated: throws TaosimInputErrors if it is not a valid snapshot). */
export function convertMetagraphText(metagraphText: string, label: string): string {
  const text = formatSnapshotText(metagraphToSnapshot(JSON.parse(metagraphText) as FloatMetagraph));
  loadSnapshotText(text, label);
  return text;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    process.stderr.write("usage: npx tsx sim/snapshot/convertMetagraph.ts METAGRAPH.json OUT.snapshot.json\n");
    process.exit(2);
  }
  const text = convertMetagraphText(readFileSync(input, "utf8"), output);
  const tmp = `${output}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, output);
  process.stdout.write(`wrote ${output}\n`);
}
