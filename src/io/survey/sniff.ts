import { DELIMITERS, type Delimiter } from "../../core/models/mapping.js";

const MAX_RECORDS = 20;

/**
 * Counts each candidate delimiter per record in the first records of `head`, outside quotes.
 * This only counts characters to choose the delimiter; csv-parse does the parsing.
 */
function countPerRecord(head: string): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, [0]]));
  let inQuotes = false;
  let records = 1;
  for (let i = 0; i < head.length && records <= MAX_RECORDS; i++) {
    const c = head[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === "\n") {
      records++;
      for (const list of counts.values()) list.push(0);
    } else if (c === "," || c === ";" || c === "\t") {
      const list = counts.get(c) as number[];
      list[list.length - 1] = (list.at(-1) as number) + 1;
    }
  }
  // The last record may be cut off by the end of the sample; drop it when there are others.
  if (records > 1) for (const list of counts.values()) list.pop();
  return counts;
}

/**
 * Picks the delimiter whose count is highest in the header and most consistent across the
 * following records (data rows may add trailing empty columns, so "at least as many" counts).
 */
export function sniffDelimiter(head: string): Delimiter {
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const [d, list] of countPerRecord(head)) {
    const header = list[0] ?? 0;
    if (header === 0) continue;
    const rest = list.slice(1);
    const consistent = rest.length ? rest.filter((n) => n >= header).length / rest.length : 1;
    const score = header * (0.5 + consistent);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
