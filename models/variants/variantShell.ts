// What every research variant shares around its epoch: the carried buffers (bonds, last consensus,
// last weights) and the operations on them. A variant supplies only its epoch on prepared buffers.
import type { Variant, VariantEpochResult, VariantName, VariantParams } from "./types.js";
import { prepareBuffers, remapBuffers, zeroBondColumn, type VariantBuffers } from "./variantBuffers.js";

export type VariantEpoch = (
  b: VariantBuffers, weights: ArrayLike<number>, stakes: ArrayLike<number>, nV: number, nS: number,
) => VariantEpochResult;

export function variantShell(name: VariantName, params: VariantParams, appliesBondResets: boolean, epoch: VariantEpoch): Variant {
  let buf: VariantBuffers | null = null;
  return {
    name,
    params,
    appliesBondResets,
    epoch(weights, stakes, nV, nS): VariantEpochResult {
      buf = prepareBuffers(buf, weights, stakes, nV, nS);
      return epoch(buf, weights, stakes, nV, nS);
    },
    resetBondColumn(server) {
      zeroBondColumn(buf, server);
    },
    remap(validatorFrom, serverFrom) {
      buf = remapBuffers(buf, validatorFrom, serverFrom);
    },
    reset() {
      buf = null;
    },
  };
}
