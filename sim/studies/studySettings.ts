// The options a built-in study takes from the command line (`taosim run STUDY --set key=value`), each
// with its check and a one-line description (`taosim show STUDY` prints them). Values arrive parsed
// as YAML (`true`, `12`, `[0.6, 0.9]`); a check returns the value or the "expected …" text.
import { YUMA_CASES } from "../../models/variants/cases.js";
import { GUARANTEE_DEFAULTS, STUDY_VARIANTS, type GuaranteeStudyParams, type StudyVariantName } from "./studyDrivers.js";
import type { RunStudyOptions } from "./runStudy.js";
import { QUICK_GUARANTEE_PARAMS } from "./guaranteesOutputs.js";
import type { StudyName } from "./studyRegistry.js";

type Check = (v: unknown) => { ok: true; value: unknown } | { ok: false; expected: string };

export interface StudySetting {
  key: string;
  description: string;
  check: Check;
  /** Writes the checked value into the runStudy options. */
  apply(options: RunStudyOptions, value: unknown): void;
}

const ok = (value: unknown) => ({ ok: true as const, value });
const bad = (expected: string) => ({ ok: false as const, expected });
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const bool: Check = (v) => (typeof v === "boolean" ? ok(v) : bad("true or false"));
const intAtLeast = (min: number): Check => (v) => (Number.isSafeInteger(v) && (v as number) >= min ? ok(v) : bad(`an integer ≥ ${min}`));
const numberIn = (lo: number, hi: number, open = false): Check => (v) =>
  isNum(v) && (open ? v > lo && v < hi : v >= lo && v <= hi) ? ok(v) : bad(`a number ${open ? "strictly " : ""}between ${lo} and ${hi}`);
const listOf = (item: Check, what: string): Check => (v) => {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || !list.every((x) => item(x).ok)) return bad(`a non-empty list of ${what}`);
  return ok(list);
};
const oneOf = (values: readonly string[]): Check => (v) => (typeof v === "string" && values.includes(v) ? ok(v) : bad(`one of ${values.join(", ")}`));

const guarantee = (key: keyof GuaranteeStudyParams) => (o: RunStudyOptions, v: unknown) => {
  o.guarantees = { ...o.guarantees, [key]: v };
};
const yumaCase = (key: "cases" | "variants" | "bondPenalty") => (o: RunStudyOptions, v: unknown) => {
  o.yumaCases = { ...o.yumaCases, [key]: v };
};

const QUICK: StudySetting = {
  key: "quick",
  description: "",
  check: bool,
  apply: (o, v) => void (o.quick = v as boolean),
};

export const STUDY_SETTINGS: Readonly<Record<StudyName, readonly StudySetting[]>> = Object.freeze({
  "yuma-cases": [
    { ...QUICK, description: "recorded in the manifest only (the 22 cases already run in about a second). Default false." },
    {
      key: "cases", description: `case keys to run (${YUMA_CASES[0].key}…${YUMA_CASES[YUMA_CASES.length - 1].key}). Default all ${YUMA_CASES.length}.`,
      check: listOf(oneOf(YUMA_CASES.map((c) => c.key)), "case keys"), apply: yumaCase("cases"),
    },
    {
      key: "variants", description: `variants to run (${STUDY_VARIANTS.join(", ")}). Default all.`,
      check: listOf(oneOf(STUDY_VARIANTS), "variant names"), apply: (o, v) => yumaCase("variants")(o, v as StudyVariantName[]),
    },
    { key: "bondPenalty", description: "β of Yuma 1, 2 and 2B (0..1). Default 1.", check: numberIn(0, 1), apply: yumaCase("bondPenalty") },
  ],
  "consensus-guarantees": [
    { ...QUICK, description: `a reduced grid for a first look: ${JSON.stringify(QUICK_GUARANTEE_PARAMS)}. Default false.` },
    { key: "samples", description: `grid points per self-weight axis (≥ 2). Default ${GUARANTEE_DEFAULTS.samples}.`, check: intAtLeast(2), apply: guarantee("samples") },
    { key: "replicates", description: "independent networks per grid point, averaged (≥ 1). Default 1.", check: intAtLeast(1), apply: guarantee("replicates") },
    {
      key: "honestStakes", description: `honest stake shares. Default ${JSON.stringify(GUARANTEE_DEFAULTS.honestStakes)}.`,
      check: listOf(numberIn(0, 1, true), "numbers strictly between 0 and 1"), apply: guarantee("honestStakes"),
    },
    {
      key: "weightSigmas", description: `weight noise σ as a multiple of the mean. Default ${JSON.stringify(GUARANTEE_DEFAULTS.weightSigmas)}.`,
      check: listOf(numberIn(0, 10), "numbers from 0 to 10"), apply: guarantee("weightSigmas"),
    },
    {
      key: "bondsPenalties", description: `bonds penalty β values (0..1). Default ${JSON.stringify(GUARANTEE_DEFAULTS.bondsPenalties)}.`,
      check: listOf(numberIn(0, 1), "numbers from 0 to 1"), apply: guarantee("bondsPenalties"),
    },
  ],
});

/** Looks up a study's setting by key (null when the study has none by that name). */
export function studySetting(study: StudyName, key: string): StudySetting | null {
  return STUDY_SETTINGS[study].find((s) => s.key === key) ?? null;
}
