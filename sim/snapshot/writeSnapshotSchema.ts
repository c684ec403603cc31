// Generates scenarios/taosim.snapshot.schema.json (beside the scenario schema) from the zod schema.
// Run `npx tsx sim/snapshot/writeSnapshotSchema.ts` after changing snapshotSchema.ts; a test keeps
// the committed file equal to the generated one. The JSON Schema checks types and ranges; the
// cross-field rules (uids 0..n-1, rows pointing at existing uids, reserves, sums) are the loader's.
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as z from "zod";
import { SNAPSHOT_FORMAT, snapshotDocumentSchema } from "./snapshotSchema.js";

export const SNAPSHOT_SCHEMA_FILE = fileURLToPath(new URL("../../scenarios/taosim.snapshot.schema.json", import.meta.url));

/** The JSON Schema (draft 2020-12) of `taosim.snapshot/1`. */
export function snapshotJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(snapshotDocumentSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: "https://taosim.dev/schema/taosim.snapshot.schema.json",
    title: SNAPSHOT_FORMAT,
    description: "A chain state at one block, fields named after the chain's storage items (docs/snapshots.md).",
    ...rest,
  };
}

/** The file's exact text (2-space JSON, trailing newline). */
export function snapshotJsonSchemaText(): string {
  return `${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tmp = `${SNAPSHOT_SCHEMA_FILE}.tmp-${process.pid}`;
  writeFileSync(tmp, snapshotJsonSchemaText());
  renameSync(tmp, SNAPSHOT_SCHEMA_FILE);
  process.stdout.write(`wrote ${SNAPSHOT_SCHEMA_FILE}\n`);
}
