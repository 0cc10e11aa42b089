// Typed scratch buffers that grow as they fill (the scanners keep offsets in Int32Arrays so
// that a long note makes no object per token or match).

/** A copy of `a` with twice the room. */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
