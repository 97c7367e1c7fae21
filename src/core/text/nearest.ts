/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The known id closest to `found`, for "did you mean" hints: within an edit distance of
 * max(2, length ÷ `lengthDivisor`), the first best candidate in `known`'s order.
 */
export function nearest(
  found: string,
  known: Iterable<string>,
  lengthDivisor: number,
): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(found.length / lengthDivisor)) + 1;
  for (const candidate of known) {
    const d = editDistance(found, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
