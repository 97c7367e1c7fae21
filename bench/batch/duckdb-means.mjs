// The engine baseline of bench/batch.bench.mjs: DuckDB reading the same export and computing the
// mean of every question column (label cells count as missing), all in one query.
//   node bench/batch/duckdb-means.mjs <export.csv> <columns>
import { DuckDBInstance } from "@duckdb/node-api";

const [file, columns] = [process.argv[2], Number(process.argv[3])];
const means = Array.from({ length: columns }, (_, i) => `avg(TRY_CAST("Q${i + 1}" AS DOUBLE))`);
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `SELECT count(*), ${means.join(", ")} FROM read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true)`,
);
console.log(reader.getRows()[0]?.slice(0, 3).join(" "));
connection.closeSync();
instance.closeSync();
