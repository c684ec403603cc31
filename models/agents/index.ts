// models/agents: miners, validators, stakers and users, each strategy a small module behind one interface.
export * from "./types.js";
export * from "./weightBuffer.js";
export * from "./normal.js";
export * from "./observedQuality.js";
export * from "./validators.js";
export * from "./minerOperator.js";
export * from "./stakers.js";
