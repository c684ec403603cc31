/**
 * Per-(hotkey, netuid) share pool: subtensor `primitives/share-pool/src/lib.rs::SharePool` over
 * `TotalHotkeyAlpha` (shared value, u64), `TotalHotkeySharesV2` (denominator) and `AlphaV2`
 * (per-coldkey shares, SafeFloat). Nominators keep proportional claims when emission is added
 * with `updateValueForAll`. Coldkeys are dense integer ids; shares live in a Map (sparse: few
 * coldkeys per hotkey), iterated in ascending id order where order matters.
 */
import { SF_ZERO, sfAdd, sfFromU64, sfIsZero, sfMulDiv, sfSub, sfToU64, type SafeFloat } from "./safeFloat.js";
import { U64_MAX } from "../chainConstants.js";


/** Where a pool's shared value lives (an engine keeps `TotalHotkeyAlpha` in its own column). */
export interface ValueCell {
  get(): bigint;
  set(v: bigint): void;
}

export class SharePool {
  private own = 0n;
  constructor(private readonly cell: ValueCell | null = null) {}

  /** `TotalHotkeyAlpha[(hotkey, netuid)]` (held here, or in the cell given at construction). */
  get sharedValue(): bigint {
    return this.cell === null ? this.own : this.cell.get();
  }
  set sharedValue(v: bigint) {
    if (this.cell === null) this.own = v;
    else this.cell.set(v);
  }
  /** `TotalHotkeySharesV2[(hotkey, netuid)]`. */
  denominator: SafeFloat = SF_ZERO;
  /** `AlphaV2[(hotkey, coldkey, netuid)]`; an entry whose share becomes zero is removed. */
  readonly shares = new Map<number, SafeFloat>();

  /** A detached copy (its value held in the copy). */
  clone(): SharePool {
    const c = new SharePool();
    c.own = this.sharedValue;
    c.denominator = this.denominator;
    for (const [k, v] of this.shares) c.shares.set(k, v);
    return c;
  }

  /** Makes this pool equal to `p` (value, denominator, shares), keeping its cell. */
  restore(p: SharePool): void {
    this.sharedValue = p.sharedValue;
    this.denominator = p.denominator;
    this.shares.clear();
    for (const [k, v] of p.shares) this.shares.set(k, v);
  }

  /** `get_value(ck)` = floor(shared · share / denominator); 0 for unknown coldkeys. */
  getValue(coldkey: number): bigint {
    const share = this.shares.get(coldkey);
    if (share === undefined) return 0n;
    const v = sfMulDiv(sfFromU64(this.sharedValue), share, this.denominator);
    return v === null ? 0n : sfToU64(v);
  }

  /** `update_value_for_all(Δ)`: emission to the hotkey, shares unchanged. */
  updateValueForAll(delta: bigint): void {
    const v = this.sharedValue + delta;
    this.sharedValue = v < 0n ? 0n : v > U64_MAX ? U64_MAX : v;
  }

  private sharesPerUpdate(delta: bigint): SafeFloat {
    const abs = delta < 0n ? -delta : delta;
    return sfMulDiv(sfFromU64(abs), this.denominator, sfFromU64(this.sharedValue)) ?? SF_ZERO;
  }

  /** `sim_update_value_for_one(Δ)`: false when the pool cannot represent the change (precision guard). */
  simUpdateValueForOne(delta: bigint): boolean {
    return sfIsZero(this.denominator) || !sfIsZero(this.sharesPerUpdate(delta));
  }

  /** `update_value_for_one(ck, Δ)`: stake (Δ > 0) or unstake (Δ < 0) for one coldkey. */
  updateValueForOne(coldkey: number, delta: bigint): void {
    if (sfIsZero(this.denominator)) {
      const u = sfFromU64(delta < 0n ? -delta : delta);
      this.denominator = u;
      this.setShare(coldkey, u);
    } else {
      const s = this.sharesPerUpdate(delta);
      const cur = this.shares.get(coldkey) ?? SF_ZERO;
      if (delta > 0n) {
        this.denominator = sfAdd(this.denominator, s);
        this.setShare(coldkey, sfAdd(cur, s));
      } else {
        this.denominator = sfSub(this.denominator, s) ?? this.denominator;
        this.setShare(coldkey, sfSub(cur, s) ?? cur);
      }
    }
    this.updateValueForAll(delta);
  }

  private setShare(coldkey: number, s: SafeFloat): void {
    if (sfIsZero(s)) this.shares.delete(coldkey);
    else this.shares.set(coldkey, s);
  }

  /** Coldkeys with a share, ascending. */
  coldkeys(): number[] {
    return [...this.shares.keys()].sort((a, b) => a - b);
  }
}
