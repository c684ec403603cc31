// The published JSON Schema is the one generated from the zod schema (regenerate with
// `npx tsx sim/snapshot/writeSnapshotSchema.ts`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_SCHEMA_FILE, snapshotJsonSchemaText } from "./writeSnapshotSchema.js";

describe("scenarios/taosim.snapshot.schema.json", () => {
  it("equals the schema generated from sim/snapshot/snapshotSchema.ts", () => {
    expect(readFileSync(SNAPSHOT_SCHEMA_FILE, "utf8")).toBe(snapshotJsonSchemaText());
  });

  it("describes weight rows entry by entry and forbids unknown keys", () => {
    const schema = JSON.parse(snapshotJsonSchemaText()) as { additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["format", "chain", "subnets"]);
    expect(snapshotJsonSchemaText()).toContain('"prefixItems"');
  });
});
