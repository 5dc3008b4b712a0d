#!/usr/bin/env node
// Independent reader for collapse-sim's CSV output, using DuckDB's read_csv the way a user would:
// it must find the header, infer BIGINT / BOOLEAN columns, unquote RFC 4180 fields, and parse
// "inf" / "-inf" as doubles.
//
// Usage: node read-csv.mjs FILE [--rows N] [--double COLUMN]...
// Prints one JSON object on stdout, like read-parquet.mjs:
//   { "file": FILE, "numRows": n, "schema": [{"name", "type", "nullable"}], "firstRows": [...] }
//
// --double COLUMN declares a column DOUBLE (read_csv's types=...). DuckDB's type sniffer
// (v1.5) infers VARCHAR for a column whose sampled values include an infinity, in any spelling
// (inf, Inf, Infinity); declared DOUBLE, or cast with ::DOUBLE, "inf" and "-inf" parse.
// DuckDB's default allow_quoted_nulls=true also reads a quoted empty string as NULL.
import { describeAndRead, parseArgs, sqlString } from './duckdb-read.mjs';
import { toJson, fail } from './json-out.mjs';

const { path, rowsWanted, doubles } = parseArgs(process.argv.slice(2),
  'node read-csv.mjs FILE [--rows N] [--double COLUMN]...', (m) => fail(`read-csv: ${m}`));
const types = doubles.length === 0 ? ''
  : `, types = {${doubles.map((c) => `${sqlString(c)}: 'DOUBLE'`).join(', ')}}`;
let result;
try {
  result = { file: path, ...(await describeAndRead(`read_csv(${sqlString(path)}${types})`, rowsWanted)) };
} catch (e) {
  fail(`read-csv: ${e.message}`);
}
process.stdout.write(toJson(result) + '\n');
