// The neurons whose numbers changed most over one task (its first sampled epoch to its last, same uid and
// hotkey), per subnet with neuron rows: the validators whose dividends fell and rose most, the miners whose
// incentive fell and rose most. The report names them with the `taosim explain` command for their last epoch.
const EMPTY_ROLE = "empty";

export interface NeuronChange {
  netuid: number;
  uid: number;
  hotkey: string;
  role: string;
  what: "dividends" | "incentive";
  direction: "fell" | "rose";
  /** u16 values at the task's first and last sampled epoch of the subnet. */
  from: number;
  to: number;
  fromEpoch: number;
  toEpoch: number;
}

interface Seen {
  hotkey: string;
  role: string;
  epoch: number;
  dividends: number;
  incentive: number;
}

/** Fed the neuron rows of one task (cells in the CSV's column order); `finish` picks the changes. */
export class LargestChanges {
  private readonly first = new Map<string, Seen>(); // netuid/uid → first sample
  private readonly last = new Map<string, Seen>();
  private readonly c: { netuid: number; epoch: number; uid: number; hotkey: number; role: number; dividends: number; incentive: number };

  constructor(column: (name: string) => number, readonly task: number) {
    this.c = { netuid: column("netuid"), epoch: column("epoch"), uid: column("uid"), hotkey: column("hotkey"), role: column("role"), dividends: column("dividends"), incentive: column("incentive") };
  }

  /** Whether the table has what this needs. */
  get usable(): boolean {
    return Object.values(this.c).every((i) => i >= 0);
  }

  add(cells: string[]): void {
    const c = this.c;
    const role = cells[c.role];
    if (role === EMPTY_ROLE) return;
    const key = `${cells[c.netuid]}/${cells[c.uid]}`;
    const seen: Seen = { hotkey: cells[c.hotkey], role, epoch: Number(cells[c.epoch]), dividends: Number(cells[c.dividends]), incentive: Number(cells[c.incentive]) };
    if (!this.first.has(key)) this.first.set(key, seen);
    const prev = this.last.get(key);
    if (prev === undefined || seen.epoch >= prev.epoch) this.last.set(key, seen);
  }

  /** Per subnet (ascending), up to four changes: validator dividends fell/rose most, miner incentive fell/rose most. */
  finish(): NeuronChange[] {
    const lastEpoch = new Map<number, number>();
    for (const [key, s] of this.last) {
      const netuid = Number(key.split("/")[0]);
      lastEpoch.set(netuid, Math.max(lastEpoch.get(netuid) ?? -Infinity, s.epoch));
    }
    const candidates: NeuronChange[] = [];
    for (const [key, to] of this.last) {
      const from = this.first.get(key) as Seen;
      const [netuid, uid] = key.split("/").map(Number);
      if (from.hotkey !== to.hotkey || to.epoch !== lastEpoch.get(netuid) || from.epoch === to.epoch) continue;
      const what = to.role.startsWith("validator") ? "dividends" : to.role.startsWith("miner") ? "incentive" : null;
      if (what === null || to[what] === from[what]) continue;
      candidates.push({ netuid, uid, hotkey: to.hotkey, role: to.role, what, direction: to[what] < from[what] ? "fell" : "rose", from: from[what], to: to[what], fromEpoch: from.epoch, toEpoch: to.epoch });
    }
    const out: NeuronChange[] = [];
    for (const netuid of [...lastEpoch.keys()].sort((a, b) => a - b))
      for (const what of ["dividends", "incentive"] as const)
        for (const direction of ["fell", "rose"] as const) {
          const list = candidates.filter((x) => x.netuid === netuid && x.what === what && x.direction === direction);
          const size = (x: NeuronChange) => Math.abs(x.to - x.from);
          const best = list.reduce<NeuronChange | null>((b, x) => (b === null || size(x) > size(b) || (size(x) === size(b) && x.uid < b.uid) ? x : b), null);
          if (best !== null) out.push(best);
        }
    return out;
  }
}

/** The command that explains a change's last epoch (the run folder as the report was given it). */
export function explainCommand(runDir: string, task: number, c: NeuronChange): string {
  const dir = /^[\w./:@%+=,-]+$/.test(runDir) ? runDir : `'${runDir.replace(/'/g, `'\\''`)}'`;
  return `taosim explain ${dir} --netuid ${c.netuid} --uid ${c.uid} --epoch ${c.toEpoch} --task ${task}`;
}
