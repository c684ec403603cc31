// Working sparse matrices of the epoch: CSR with column ids and raw I32F32 values (as `number`s).
// Buffers grow when needed and are otherwise reused, so an epoch allocates nothing proportional to n^2.

export class Csr {
  rows = 0;
  nnz = 0;
  rowPtr: Int32Array = new Int32Array(1);
  col: Int32Array = new Int32Array(0);
  val: Float64Array = new Float64Array(0);

  /** Prepare for `rows` rows and up to `capacity` entries; contents are discarded. */
  reset(rows: number, capacity: number): this {
    if (this.rowPtr.length < rows + 1) this.rowPtr = new Int32Array(rows + 1);
    if (this.col.length < capacity) {
      const cap = Math.max(capacity, this.col.length * 2);
      this.col = new Int32Array(cap);
      this.val = new Float64Array(cap);
    }
    this.rows = rows;
    this.nnz = 0;
    this.rowPtr[0] = 0;
    return this;
  }

  /** Append an entry to the row being built. */
  push(j: number, v: number): void {
    this.col[this.nnz] = j;
    this.val[this.nnz] = v;
    this.nnz++;
  }

  /** Close row i (rows must be closed in order 0..rows-1). */
  endRow(i: number): void {
    this.rowPtr[i + 1] = this.nnz;
  }

  /** Copy another matrix into this one. */
  copyFrom(src: Csr): this {
    this.reset(src.rows, src.nnz);
    this.rowPtr.set(src.rowPtr.subarray(0, src.rows + 1));
    this.col.set(src.col.subarray(0, src.nnz));
    this.val.set(src.val.subarray(0, src.nnz));
    this.nnz = src.nnz;
    return this;
  }
}
