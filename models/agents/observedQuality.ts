// What an honest validator measures: each miner's true quality plus Gaussian noise (sigma), floored
// at 0. Draws two uniforms per miner uid in uid order, every epoch, whatever the values.
import { standardNormal } from "./normal.js";
import type { SubnetView, Uniform } from "./types.js";
import type { WeightBuffer } from "./weightBuffer.js";

export function observeQuality(view: SubnetView, sigma: number, noise: Uniform, out: WeightBuffer): void {
  out.clear();
  for (let uid = 0; uid < view.n; uid++) {
    if (view.isMiner[uid] !== 1) continue;
    const z = standardNormal(noise);
    const q = view.trueQuality[uid] + sigma * z;
    out.push(uid, q > 0 ? q : 0);
  }
}
