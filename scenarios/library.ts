// The built-in scenarios (`library/*.yaml`): list them, read their text, load them by name. Works from
// the sources (tsx) and from the build (dist/scenarios/library.js reads the YAML next to the sources).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { loadScenarioText, type LoadedScenario } from "./loadScenario.js";

export interface BuiltinInfo {
  name: string;
  description: string;
}

function libraryDir(): string {
  const candidates = [new URL("./library/", import.meta.url), new URL("../../scenarios/library/", import.meta.url)];
  for (const url of candidates) {
    const dir = fileURLToPath(url);
    if (existsSync(dir)) return dir;
  }
  throw new Error("taosim: the built-in scenario library (scenarios/library/) is missing from this installation");
}

/** Names of the built-in scenarios, sorted. */
export function builtinNames(): string[] {
  return readdirSync(libraryDir())
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/** True when `name` is a built-in scenario. */
export function isBuiltin(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && builtinNames().includes(name);
}

/** The YAML text of a built-in scenario, or null for an unknown name. */
export function builtinText(name: string): string | null {
  if (!isBuiltin(name)) return null;
  return readFileSync(`${libraryDir()}${name}.yaml`, "utf8");
}

/** Every built-in with its one-line description, sorted by name. */
export function listBuiltins(): BuiltinInfo[] {
  return builtinNames().map((name) => {
    const doc = parseYaml(builtinText(name) ?? "") as { description?: unknown } | null;
    return { name, description: typeof doc?.description === "string" ? doc.description : "" };
  });
}

/** The file label used in error messages about a built-in. */
export const builtinFileLabel = (name: string): string => `<built-in ${name}>`;

/** The folder a scenario's relative paths (e.g. `start.snapshot`) are read from: the built-in library's for a built-in. */
export function scenarioBaseDir(file: string): string {
  return /^<built-in [^>]+>$/.test(file) ? libraryDir() : dirname(resolve(file));
}

/** Loads a built-in scenario (throws if the name is unknown; a built-in is always valid). */
export function loadBuiltin(name: string): LoadedScenario {
  const text = builtinText(name);
  if (text === null) throw new Error(`unknown built-in scenario ${JSON.stringify(name)}`);
  return loadScenarioText(text, builtinFileLabel(name));
}
