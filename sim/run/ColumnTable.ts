// A growable table of typed columns (what a task returns: numbers in Float64Array, rao amounts in
// BigUint64Array, strings as Int32Array codes into a per-column dictionary). Rows are appended
// whole; buffers double when full, so appending allocates nothing per row in the steady state.

export type ColumnKind = "f64" | "u64" | "str";
export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
}
export type Cell = number | bigint | string;

type Store = Float64Array | BigUint64Array | Int32Array;

export class ColumnTable {
  rows = 0;
  private capacity = 0;
  private stores: Store[];
  readonly dictionaries: (string[] | null)[];
  private readonly codes: (Map<string, number> | null)[];

  constructor(readonly columns: readonly ColumnSpec[]) {
    this.stores = columns.map((c) => alloc(c.kind, 0));
    this.dictionaries = columns.map((c) => (c.kind === "str" ? [] : null));
    this.codes = columns.map((c) => (c.kind === "str" ? new Map<string, number>() : null));
  }

  get names(): string[] {
    return this.columns.map((c) => c.name);
  }

  /** Appends one row; `cells` in column order (after the `prefix` cells, if given). */
  push(cells: readonly Cell[], prefix: readonly Cell[] = []): void {
    if (this.rows === this.capacity) this.grow();
    const r = this.rows++;
    const p = prefix.length;
    for (let c = 0; c < this.columns.length; c++) {
      const kind = this.columns[c].kind;
      const v = c < p ? prefix[c] : cells[c - p];
      if (kind === "f64") (this.stores[c] as Float64Array)[r] = v as number;
      else if (kind === "u64") (this.stores[c] as BigUint64Array)[r] = typeof v === "bigint" ? v : BigInt(v as number);
      else (this.stores[c] as Int32Array)[r] = this.code(c, String(v));
    }
  }

  /** The value at (row, column). */
  cell(row: number, col: number): Cell {
    const kind = this.columns[col].kind;
    if (kind === "str") return (this.dictionaries[col] as string[])[(this.stores[col] as Int32Array)[row]];
    return this.stores[col][row];
  }

  /** Column buffers trimmed to the row count (for transfer to another thread). */
  buffers(): Store[] {
    return this.stores.map((s) => s.subarray(0, this.rows) as Store);
  }

  private code(col: number, s: string): number {
    const m = this.codes[col] as Map<string, number>;
    let k = m.get(s);
    if (k === undefined) {
      k = (this.dictionaries[col] as string[]).length;
      (this.dictionaries[col] as string[]).push(s);
      m.set(s, k);
    }
    return k;
  }

  private grow(): void {
    this.capacity = Math.max(64, this.capacity * 2);
    this.stores = this.stores.map((s, c) => {
      const next = alloc(this.columns[c].kind, this.capacity);
      next.set(s as never);
      return next;
    });
  }
}

function alloc(kind: ColumnKind, n: number): Store {
  return kind === "f64" ? new Float64Array(n) : kind === "u64" ? new BigUint64Array(n) : new Int32Array(n);
}
