// Shared DuckDB helpers of the independent readers (read-parquet.mjs, read-csv.mjs).
import { DuckDBInstance } from '@duckdb/node-api';

/** A SQL string literal: single quotes doubled, so a path cannot end the literal early. */
export function sqlString(text) {
  return "'" + String(text).replaceAll("'", "''") + "'";
}

/**
 * Runs DESCRIBE, count(*) and a LIMIT query over a DuckDB table expression (for example
 * read_parquet('x/*.parquet')) in a fresh in-memory database.
 * Returns {numRows, schema: [{name, type, nullable}], firstRows: [{column: value}]}.
 */
export async function describeAndRead(source, rowsWanted) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const schema = described.getRowObjects().map((r) => ({
      name: r.column_name,
      type: String(r.column_type),
      nullable: r.null === 'YES',
    }));
    const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${source}`);
    const numRows = counted.getRowObjects()[0].n;
    const rows = await connection.runAndReadAll(`SELECT * FROM ${source} LIMIT ${Number(rowsWanted)}`);
    return { numRows, schema, firstRows: rows.getRowObjects() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs one statement in a fresh in-memory database (for the self-checks). */
export async function runStatement(sql) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Parses `PATH [--rows N] [--double COLUMN]...` arguments; returns {path, rowsWanted, doubles}
 * or calls fail().
 */
export function parseArgs(args, usage, fail) {
  let path = null;
  let rowsWanted = 5;
  const doubles = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--double') {
      if (i + 1 >= args.length) fail(`--double needs a column name; usage: ${usage}`);
      doubles.push(args[++i]);
    } else if (args[i] === '--rows') {
      rowsWanted = Number.parseInt(args[++i], 10);
      if (!(rowsWanted >= 0)) fail(`--rows needs a non-negative integer, got ${args[i]}`);
    } else if (path === null) {
      path = args[i];
    } else {
      fail(`unexpected argument ${args[i]}; usage: ${usage}`);
    }
  }
  if (path === null) fail(`usage: ${usage}`);
  return { path, rowsWanted, doubles };
}
