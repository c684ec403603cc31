// Per-task economics from `subnets.csv` rows: final price and reserves, emission by role (from the
// cumulative `*_alpha_total` columns at each subnet's last sample) and each subnet's share of the
// TAO injected so far (cumulative `tao_in_total`) at every sample block.
import { emissionShareByRole, type EmissionByRole } from "./emissionShareByRole.js";

const ROLE_COLUMNS: Record<keyof EmissionByRole, string> = {
  owner: "owner_alpha_total",
  miners: "miner_alpha_total",
  validators: "validator_alpha_total",
  root: "root_alpha_total",
};

export interface SubnetColumns {
  netuid: number;
  block: number;
  price: number;
  taoReserve: number;
  alphaReserve: number;
  taoIn: number;
  roles: Record<keyof EmissionByRole, number>;
}

export function subnetColumns(column: (name: string) => number): SubnetColumns {
  return {
    netuid: column("netuid"),
    block: column("block"),
    price: column("price"),
    taoReserve: column("tao_reserve"),
    alphaReserve: column("alpha_reserve"),
    taoIn: column("tao_in_total"),
    roles: {
      owner: column(ROLE_COLUMNS.owner),
      miners: column(ROLE_COLUMNS.miners),
      validators: column(ROLE_COLUMNS.validators),
      root: column(ROLE_COLUMNS.root),
    },
  };
}

export interface SubnetTaskMetrics {
  subnets: number;
  /** Mean over subnets of the last sampled price (TAO per alpha). */
  priceFinal: number;
  /** Σ over subnets of the last sampled reserves (rao). */
  taoReserveFinal: number;
  alphaReserveFinal: number;
  /** Share of emitted alpha by role, or null when the table has no `*_alpha_total` columns. */
  emissionShare: EmissionByRole | null;
  /** Block → netuid → share of all TAO injected into pools up to that block. */
  emissionShareByBlock: Map<number, Map<number, number>>;
}

interface Last {
  price: number;
  taoReserve: number;
  alphaReserve: number;
  roles: EmissionByRole;
}

const num = (cells: string[], i: number): number => (i < 0 || cells[i] === "" ? NaN : Number(cells[i]));

export class SubnetTaskAccumulator {
  private readonly last = new Map<number, Last>();
  private readonly taoInByBlock = new Map<number, Map<number, number>>();

  constructor(private readonly c: SubnetColumns) {}

  add(cells: string[]): void {
    const c = this.c;
    const netuid = num(cells, c.netuid) || 0;
    const role = (k: keyof EmissionByRole) => num(cells, c.roles[k]);
    this.last.set(netuid, {
      price: num(cells, c.price),
      taoReserve: num(cells, c.taoReserve),
      alphaReserve: num(cells, c.alphaReserve),
      roles: { owner: role("owner"), miners: role("miners"), validators: role("validators"), root: role("root") },
    });
    const taoIn = num(cells, c.taoIn);
    if (!Number.isNaN(taoIn)) {
      const block = num(cells, c.block) || 0;
      let atBlock = this.taoInByBlock.get(block);
      if (!atBlock) this.taoInByBlock.set(block, (atBlock = new Map()));
      atBlock.set(netuid, taoIn);
    }
  }

  finish(): SubnetTaskMetrics {
    const lasts = [...this.last.values()];
    const sum = (f: (l: Last) => number) => lasts.reduce((s, l) => s + f(l), 0);
    const hasRoles = Object.values(this.c.roles).some((i) => i >= 0);
    const roleTotal = (k: keyof EmissionByRole) => sum((l) => (Number.isNaN(l.roles[k]) ? 0 : l.roles[k]));
    const shareByBlock = new Map<number, Map<number, number>>();
    for (const block of [...this.taoInByBlock.keys()].sort((a, b) => a - b)) {
      const atBlock = this.taoInByBlock.get(block)!;
      let total = 0;
      for (const v of atBlock.values()) total += v;
      const shares = new Map<number, number>();
      for (const netuid of [...atBlock.keys()].sort((a, b) => a - b))
        shares.set(netuid, total > 0 ? atBlock.get(netuid)! / total : NaN);
      shareByBlock.set(block, shares);
    }
    return {
      subnets: lasts.length,
      priceFinal: lasts.length ? sum((l) => l.price) / lasts.length : NaN,
      taoReserveFinal: lasts.length ? sum((l) => l.taoReserve) : NaN,
      alphaReserveFinal: lasts.length ? sum((l) => l.alphaReserve) : NaN,
      emissionShare: hasRoles && lasts.length
        ? emissionShareByRole({ owner: roleTotal("owner"), miners: roleTotal("miners"), validators: roleTotal("validators"), root: roleTotal("root") })
        : null,
      emissionShareByBlock: shareByBlock,
    };
  }
}
