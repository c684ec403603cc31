// The built-in studies: names and one-line descriptions for `taosim list`.

export const STUDY_NAMES = ["yuma-cases", "consensus-guarantees"] as const;
export type StudyName = (typeof STUDY_NAMES)[number];

export const STUDY_DESCRIPTIONS: Readonly<Record<StudyName, string>> = Object.freeze({
  "yuma-cases":
    "The 22 synthetic Yuma cases under Yuma 1, 2, 2B, 2C, 3, 3-liquid and the chain epoch: total dividends per validator",
  "consensus-guarantees":
    "The chain's consensus-guarantee Monte Carlo (512 neurons, 64 validators): honest emission vs honest stake and self-weights",
});

export function isStudyName(name: string): name is StudyName {
  return (STUDY_NAMES as readonly string[]).includes(name);
}

/** Thrown for an unknown study name (a user mistake: exit 2). */
export class UnknownStudyError extends Error {
  readonly code = "UNKNOWN_STUDY";
  constructor(readonly study: string) {
    super(`unknown study "${study}": expected one of ${STUDY_NAMES.join(", ")}`);
    this.name = "UnknownStudyError";
  }
}
