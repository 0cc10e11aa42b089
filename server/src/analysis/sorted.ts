// Binary search over lists the analysis keeps sorted (mentions and values by start, by line).

/** Reads an item's start offset. */
export const byStart = (item: { start: number }): number => item.start;

/** First index in `items`, sorted ascending by `key`, whose key is ≥ `target` (items.length if none). */
export function lowerBound<T>(items: readonly T[], target: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
