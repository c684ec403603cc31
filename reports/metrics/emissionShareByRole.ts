// Share of emission by recipient role (owner, miners, validators, root), each in [0, 1], summing to
// 1 when anything was emitted.

export const EMISSION_ROLES = ["owner", "miners", "validators", "root"] as const;
export type EmissionRole = (typeof EMISSION_ROLES)[number];
export type EmissionByRole = Record<EmissionRole, number>;

export function emissionShareByRole(totals: EmissionByRole): EmissionByRole {
  const sum = EMISSION_ROLES.reduce((s, role) => s + totals[role], 0);
  const share = (v: number) => (sum > 0 ? v / sum : NaN);
  return { owner: share(totals.owner), miners: share(totals.miners), validators: share(totals.validators), root: share(totals.root) };
}
