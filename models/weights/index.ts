export * from "./setWeights.js";
export * from "./commitReveal.js";
