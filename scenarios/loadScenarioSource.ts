// A scenario argument as the CLI takes it: a file path, or the name of a built-in scenario.
// A name that is neither an existing file nor a built-in is reported as a missing file, with the
// built-in names as a hint.
import { existsSync } from "node:fs";
import { builtinFileLabel, builtinNames, builtinText } from "./library.js";
import { checkScenarioFile, checkScenarioText, type ScenarioCheck } from "./loadScenario.js";
import { didYouMean } from "./schemaAt.js";

const looksLikePath = (s: string): boolean => /[\\/]/.test(s) || /\.(ya?ml|json)$/i.test(s);

/** Checks a file or built-in scenario; never throws for bad input. */
export function checkScenarioSource(source: string): ScenarioCheck {
  if (existsSync(source) || looksLikePath(source)) return checkScenarioFile(source);
  const text = builtinText(source);
  if (text !== null) return checkScenarioText(text, builtinFileLabel(source));
  const names = builtinNames();
  const hint = didYouMean(source, names);
  return {
    ok: false,
    problems: [
      {
        file: source,
        line: 1,
        col: 1,
        path: "(file)",
        expected: hint ? `a scenario file or a built-in name (did you mean "${hint}"?)` : `a scenario file or a built-in name (${names.join(", ")})`,
        found: "no such file or built-in",
      },
    ],
  };
}
