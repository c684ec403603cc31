export { createRng, type Rng, type Stream } from "./createRng.js";
export { streamSeed, taskSeed, MAX_SEED } from "./streamSeed.js";
export { uniform, normal, lognormal, clampedNormal, bernoulli, type Uniform } from "./distributions.js";
