// Role codes of a uid (neurons.csv `role`: validator:<strategy>, miner, miner:sybil, owner).
export const Role = { empty: 0, validator: 1, miner: 2, owner: 3 } as const;
export type Role = (typeof Role)[keyof typeof Role];
