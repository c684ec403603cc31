export * from "./safeFloat.js";
export * from "./sharePool.js";
export * from "./stakingStore.js";
export * from "./stakingState.js";
export * from "./stakeOps.js";
export * from "./moveOps.js";
