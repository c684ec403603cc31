// Validates plain scenario data (already parsed from YAML) and returns either the resolved scenario or
// the user-facing texts of every problem.
import { issueTexts, type IssueText } from "./issueText.js";
import { scenarioObjectSchema, scenarioSchema, type Scenario } from "./schema.js";

export type DataCheck = { ok: true; scenario: Scenario } | { ok: false; problems: IssueText[] };

export function validateScenarioData(raw: unknown): DataCheck {
  const r = scenarioSchema.safeParse(raw);
  if (r.success) return { ok: true, scenario: r.data };
  const problems = r.error.issues.flatMap((issue) => issueTexts(issue, raw, scenarioObjectSchema));
  return { ok: false, problems };
}
