type TypedArray = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** A typed array that grows as values are pushed; `copy()` hands out exactly what it holds. */
export class Column<A extends TypedArray> {
  private values: A;
  length = 0;

  constructor(
    private readonly make: (size: number) => A,
    capacity: number,
  ) {
    this.values = make(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const wider = this.make(this.values.length * 2);
      wider.set(this.values);
      this.values = wider;
    }
    this.values[this.length++] = value;
  }

  copy(): A {
    return this.values.slice(0, this.length) as A;
  }
}

export const uint8 = (capacity: number): Column<Uint8Array> => new Column((n) => new Uint8Array(n), capacity);
export const uint16 = (capacity: number): Column<Uint16Array> => new Column((n) => new Uint16Array(n), capacity);
export const int32 = (capacity: number): Column<Int32Array> => new Column((n) => new Int32Array(n), capacity);
export const float64 = (capacity: number): Column<Float64Array> => new Column((n) => new Float64Array(n), capacity);

/** Names a table can hold: columns refer to them by Uint16 index. */
export const MAX_NAMES = 0xffff;

/** Strings stored once each, referred to by index (node ids, topics, event types: a handful per flow). */
export class NameTable {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.names.length;
  }

  of(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.names.length;
      this.names.push(value);
      this.index.set(value, at);
    }
    return at;
  }
}
