// Binary search over a list sorted so that `test` holds for a prefix and fails for the rest.

/** Index of the last item of the prefix where `test` holds, or -1 when it holds for none. */
export function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid]!)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
