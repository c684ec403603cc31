export * from "./u64f64.js";
export * from "./powRatioScaled.js";
export * from "./balancer.js";
export * from "./pool.js";
export * from "./swap.js";
export * from "./applySwap.js";
export * from "./injection.js";
export * from "./maxAmount.js";
