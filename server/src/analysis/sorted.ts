// Binary search over lists the analysis keeps sorted (mentions, values and sections by start, by line).

/** Reads an item's start offset. */
export const byStart = (item: { start: number }): number => item.start;

/** Sort order of spans (findings): by start, then by end. */
export const bySpan = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || a.end - b.end;

/** First index in `items`, sorted ascending by `key`, whose key is ≥ `target` (items.length if none). */
export function lowerBound<T>(items: ArrayLike<T>, target: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the item containing `offset` (start ≤ offset < end) in a list sorted by start
 * whose items do not overlap, or -1.
 */
export function indexContaining(items: readonly { start: number; end: number }[], offset: number): number {
  return indexOfSpanContaining(items.length, (i) => items[i]!.start, (i) => items[i]!.end, offset);
}

/**
 * The same over `count` spans read by index (spans held in columns: mentions.ts): the index
 * i with startAt(i) ≤ offset < endAt(i), or -1.
 */
export function indexOfSpanContaining(count: number, startAt: (i: number) => number, endAt: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < startAt(mid)) hi = mid - 1;
    else if (offset >= endAt(mid)) lo = mid + 1;
    else return mid;
  }
  return -1;
}
