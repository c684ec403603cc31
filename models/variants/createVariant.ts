// The registry of research Yuma variants (spec/yuma-variants.md §3): name → factory.
import { isVariantName, resolveVariantParams } from "./params.js";
import { VARIANT_NAMES, VariantInputError, type Variant, type VariantName, type VariantParams } from "./types.js";
import { createYuma1 } from "./yuma1.js";
import { createYuma2 } from "./yuma2.js";
import { createYuma2b } from "./yuma2b.js";
import { createYuma2c } from "./yuma2c.js";
import { createYuma3 } from "./yuma3.js";

const FACTORIES: Readonly<Record<VariantName, (p: VariantParams) => Variant>> = Object.freeze({
  yuma1: createYuma1,
  yuma2: createYuma2,
  yuma2b: createYuma2b,
  yuma2c: createYuma2c,
  yuma3: (p: VariantParams) => createYuma3(p, "yuma3"),
  "yuma3-liquid": (p: VariantParams) => createYuma3(p, "yuma3-liquid"),
});

/**
 * A fresh variant with its own state. Params: package defaults ← the suite's set for this variant
 * (params.ts VARIANT_DEFAULTS) ← `params`. Unknown names throw VariantInputError.
 */
export function createVariant(name: string, params: Partial<VariantParams> = {}): Variant {
  if (!isVariantName(name)) {
    throw new VariantInputError(`unknown Yuma variant "${name}"; expected one of ${VARIANT_NAMES.join(", ")}`);
  }
  return FACTORIES[name](resolveVariantParams(name, params));
}
