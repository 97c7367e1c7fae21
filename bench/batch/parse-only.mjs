// The baseline of bench/batch.bench.mjs: csv-parse alone streaming the same file, with the
// options `batch` uses, counting records from 'data' events (its fastest streaming consumer).
//   node bench/batch/parse-only.mjs <export.csv>
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

const parser = createReadStream(process.argv[2], { highWaterMark: 256 * 1024 }).pipe(
  parse({ delimiter: ",", relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
);
let records = 0;
parser.on("data", (record) => {
  if (record.length) records++;
});
parser.on("end", () => console.log(records));
