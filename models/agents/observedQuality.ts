// What an honest validator measures: each miner's true quality plus Gaussian noise (sigma), floored
// at 0. Draws two uniforms per miner uid in uid order, every epoch, whatever the values.
import { standardNormal } from "./normal.js";
import type { SubnetView, Uniform } from "./types.js";
import type { WeightBuffer } from "./weightBuffer.js";

export function observeQuality(view: SubnetView, sigma: number, noise: Uniform, out: WeightBuffer): void {
  out.clear();
  let sum = 0;
  for (let uid = 0; uid < view.n; uid++) {
    if (view.isMiner[uid] !== 1) continue;
    const z = standardNormal(noise);
    const q = view.trueQuality[uid] + sigma * z;
    out.push(uid, q > 0 ? q : 0);
    sum += q > 0 ? q : 0;
  }
  burnToOwner(view, out, sum);
}

/**
 * The subnet's validator code may burn: a fraction `ownerBurn` of the weight goes to the owner's uid
 * (whose incentive the chain withholds: MinerBurned), the rest is the measured quality scaled to 1 − burn.
 */
function burnToOwner(view: SubnetView, out: WeightBuffer, sum: number): void {
  const b = view.ownerBurn;
  if (!(b > 0) || view.ownerUid < 0) return;
  const a = out.action;
  if (b >= 1 || sum === 0) {
    out.clear();
    out.push(view.ownerUid, 1);
    return;
  }
  for (let k = 0; k < a.len; k++) a.weights[k] = (a.weights[k] / sum) * (1 - b);
  out.push(view.ownerUid, b);
}
