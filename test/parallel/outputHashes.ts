// sha256 of every CSV in a run folder (name → hash), to compare folders byte for byte.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function csvHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".csv")).sort()) {
    out[name] = createHash("sha256").update(readFileSync(join(dir, name))).digest("hex");
  }
  return out;
}
