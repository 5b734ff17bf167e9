import type { Statement } from 'better-sqlite3';
import { ROWS_PER_INSERT } from './test-row-encoder.js';

/**
 * Inserts rows ROWS at a time through one multi-row INSERT: binding and stepping a statement
 * per row is a third of the cost of storing 100,000 results. Rows left over at flush() go one
 * at a time through the single-row statement.
 */
export class BatchInsert {
  static readonly ROWS = ROWS_PER_INSERT;
  private values: unknown[] = [];

  constructor(
    private readonly single: Statement,
    private readonly batch: Statement,
    private readonly columns: number,
  ) {}

  add(...row: unknown[]): void {
    if (row.length !== this.columns) throw new Error(`BatchInsert: ${row.length} values for ${this.columns} columns`);
    for (const value of row) this.values.push(value);
    if (this.values.length === this.columns * BatchInsert.ROWS) {
      this.batch.run(this.values);
      this.values = [];
    }
  }

  flush(): void {
    for (let start = 0; start < this.values.length; start += this.columns) {
      this.single.run(this.values.slice(start, start + this.columns));
    }
    this.values = [];
  }
}
