// Phases of one block, in the chain's order (spec/emission.md §1: on_initialize → block_step runs
// registration prices, mint, run_coinbase with the epochs it drains, moving prices; extrinsics follow).
export const Phase = {
  /** block_step up to the drain: registration prices, mint, run_coinbase (tight loop when alone). */
  coinbase: 0,
  /** Epochs drained by this block's coinbase (and their distribution, reveals, observation). */
  epoch: 1,
  /** Extrinsics: sudo/owner calls, stake moves, registrations, weight commits. */
  extrinsic: 2,
  /** Read-only sampling of the state at the end of the block. */
  sample: 3,
} as const;

export type Phase = (typeof Phase)[keyof typeof Phase];
