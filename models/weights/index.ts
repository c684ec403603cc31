export * from "./setWeights.js";
export * from "./commitReveal.js";
export * from "./emitWeights.js";
