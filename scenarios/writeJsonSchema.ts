// Generates scenarios/taosim.scenario.schema.json from the zod schema (input form: defaults make
// fields optional). Run `npx tsx scenarios/writeJsonSchema.ts` after changing the schema; a test
// keeps the committed file equal to the generated one.
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as z from "zod";
import { SCENARIO_FORMAT, scenarioObjectSchema } from "./fields/scenarioObject.js";

export const JSON_SCHEMA_FILE = fileURLToPath(new URL("./taosim.scenario.schema.json", import.meta.url));

/** The JSON Schema (draft 2020-12) of `taosim.scenario/1`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioObjectSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: "https://taosim.dev/schema/taosim.scenario.schema.json",
    title: SCENARIO_FORMAT,
    description: "A taosim scenario: chain, subnets, agent populations, events, sweep and replicates (interfaces.md).",
    ...rest,
  };
}

/** The file's exact text (2-space JSON, trailing newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeAtomically(JSON_SCHEMA_FILE, scenarioJsonSchemaText());
  process.stdout.write(`wrote ${JSON_SCHEMA_FILE}\n`);
}
