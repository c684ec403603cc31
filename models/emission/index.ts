// models/emission: block emission, subnet split, injection, pending buckets, drain and distribution.
export * from "./blockEmission.js";
export * from "./chainEconomy.js";
export * from "./distributeEmission.js";
export * from "./emitToSubnets.js";
export * from "./epochScheduler.js";
export * from "./fixedPoint.js";
export * from "./ledger.js";
export * from "./movingPrice.js";
export * from "./parentChildDividends.js";
export * from "./poolModel.js";
export * from "./rootProportion.js";
export * from "./samples.js";
export * from "./stepBlock.js";
export * from "./subnetShares.js";
