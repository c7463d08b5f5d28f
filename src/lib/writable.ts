/** `T` with its readonly fields writable: for building a record field by field, in a fixed key order. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
