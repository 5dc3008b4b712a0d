#!/usr/bin/env node
// Independent reader for collapse-sim's Parquet output (DIR/generations/), using DuckDB through
// @duckdb/node-api: nothing here shares code with the Spark writer.
//
// Usage: node read-parquet.mjs GLOB [--rows N]
//        node read-parquet.mjs --self-check
// Prints one JSON object on stdout:
//   { "glob": GLOB, "numRows": n, "schema": [{"name", "type", "nullable"}],
//     "firstRows": [{column: value}, ...] }
// "schema" is DuckDB's DESCRIBE of read_parquet(GLOB); "nullable" is its "null" column.
// BIGINT values print as exact JSON integers and infinities as "Infinity"/"-Infinity"
// (see json-out.mjs). Rows are in DuckDB's scan order; sort downstream if order matters.
//
// --self-check has DuckDB write a small Parquet file with COPY ... TO, reads it back through
// the same code path and exits non-zero unless the schema, count and values come back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAndRead, parseArgs, runStatement, sqlString } from './duckdb-read.mjs';
import { toJson, fail } from './json-out.mjs';

/** Reads the Parquet files matching glob; returns the object described above. */
export async function readParquet(glob, rowsWanted) {
  return { glob, ...(await describeAndRead(`read_parquet(${sqlString(glob)})`, rowsWanted)) };
}

async function selfCheck() {
  const dir = mkdtempSync(join(tmpdir(), 'read-parquet-self-check-'));
  try {
    // A quote in the file name exercises the SQL literal escaping.
    const file = join(dir, "part-0 it's.parquet");
    await runStatement(
      `COPY (SELECT * FROM (VALUES
          (1::BIGINT, 'a'::VARCHAR, 0.1::DOUBLE, true),
          (9007199254740993::BIGINT, NULL, 'inf'::DOUBLE, false),
          (-3::BIGINT, 'c,"q"', '-inf'::DOUBLE, NULL)) t(cell_id, family, value, ok))
       TO ${sqlString(file)} (FORMAT parquet)`);
    const got = await readParquet(join(dir, '*.parquet'), 10);
    const text = toJson(got);
    const expectSchema = 'cell_id:BIGINT,family:VARCHAR,value:DOUBLE,ok:BOOLEAN';
    const schema = got.schema.map((c) => `${c.name}:${c.type}`).join(',');
    const byId = new Map(got.firstRows.map((r) => [r.cell_id, r]));
    const problems = [];
    if (schema !== expectSchema) problems.push(`schema ${schema} != ${expectSchema}`);
    if (got.numRows !== 3n) problems.push(`numRows ${got.numRows} != 3`);
    if (byId.get(9007199254740993n)?.value !== Infinity) problems.push('row 2 value is not +Infinity');
    if (byId.get(9007199254740993n)?.family !== null) problems.push('row 2 family is not null');
    if (byId.get(-3n)?.value !== -Infinity) problems.push('row 3 value is not -Infinity');
    if (byId.get(-3n)?.family !== 'c,"q"') problems.push('row 3 family lost its quotes');
    if (byId.get(1n)?.value !== 0.1) problems.push('row 1 value is not 0.1');
    if (!text.includes('9007199254740993')) problems.push('int64 not printed exactly');
    if (problems.length > 0) {
      fail(`read-parquet self-check FAILED: ${problems.join('; ')}\n${text}`);
    }
    process.stdout.write(text + '\n');
    process.stderr.write('read-parquet self-check: ok\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--self-check') {
  await selfCheck();
} else {
  const usage = 'node read-parquet.mjs GLOB [--rows N] | --self-check';
  const { path, rowsWanted } = parseArgs(args, usage, (m) => fail(`read-parquet: ${m}`));
  let result;
  try {
    result = await readParquet(path, rowsWanted);
  } catch (e) {
    fail(`read-parquet: ${e.message}`);
  }
  process.stdout.write(toJson(result) + '\n');
}
