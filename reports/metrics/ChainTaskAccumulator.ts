// Per-task issuance from `chain.csv` rows: total issuance at the first and last sample (rao).

export interface ChainTaskMetrics {
  issuanceStart: number;
  issuanceFinal: number;
  /** TAO issued between the first and last sample, in rao. */
  issued: number;
}

export class ChainTaskAccumulator {
  private first = NaN;
  private last = NaN;

  constructor(private readonly issuanceColumn: number) {}

  add(cells: string[]): void {
    if (this.issuanceColumn < 0 || cells[this.issuanceColumn] === "") return;
    const v = Number(cells[this.issuanceColumn]);
    if (Number.isNaN(this.first)) this.first = v;
    this.last = v;
  }

  finish(): ChainTaskMetrics {
    return { issuanceStart: this.first, issuanceFinal: this.last, issued: this.last - this.first };
  }
}
