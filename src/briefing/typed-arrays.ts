/**
 * `arr` itself when it holds at least `min` elements, else a copy of it in a new array of `make`
 * with room for `min`, at least twice as long (so that growing one element at a time stays
 * linear). The factory keeps each call site monomorphic.
 */
export function grow<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(
  arr: T,
  min: number,
  make: (n: number) => T,
): T {
  if (arr.length >= min) return arr;
  const next = make(Math.max(min, 2 * arr.length));
  next.set(arr);
  return next;
}
