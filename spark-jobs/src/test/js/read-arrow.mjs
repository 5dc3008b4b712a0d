#!/usr/bin/env node
// Independent reader for collapse-sim's Arrow IPC files (Feather v2), using the apache-arrow
// JavaScript package: nothing here shares code with the Java writer.
//
// Usage: node read-arrow.mjs FILE [--rows N]
// Prints one JSON object on stdout:
//   { "schemaFields": [{"name", "type", "nullable"}], "metadata": {key: value},
//     "numRows": n, "numBatches": b, "firstRows": [{column: value}, ...] }
// Int64 values print as exact JSON integers and infinities as "Infinity"/"-Infinity"
// (see json-out.mjs).
import { readFileSync } from 'node:fs';
import { RecordBatchFileReader } from 'apache-arrow';
import { toJson, fail } from './json-out.mjs';

const args = process.argv.slice(2);
let file = null;
let rowsWanted = 5;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rows') {
    rowsWanted = Number.parseInt(args[++i], 10);
    if (!(rowsWanted >= 0)) fail(`read-arrow: --rows needs a non-negative integer, got ${args[i]}`);
  } else if (file === null) {
    file = args[i];
  } else {
    fail(`read-arrow: unexpected argument ${args[i]}`);
  }
}
if (file === null) fail('usage: node read-arrow.mjs FILE [--rows N]');

let bytes;
try {
  bytes = readFileSync(file);
} catch (e) {
  fail(`read-arrow: cannot read ${file}: ${e.message}`);
}

// RecordBatchFileReader insists on the IPC *file* format (magic "ARROW1" + footer), which is
// what the SPEC promises (Feather v2); a stream-format file fails here.
const reader = RecordBatchFileReader.from(bytes);
reader.open();
const schema = reader.schema;
const fieldNames = schema.fields.map((f) => f.name);

let numRows = 0;
let numBatches = 0;
const firstRows = [];
for (const batch of reader) {
  numBatches++;
  const columns = fieldNames.map((_, j) => batch.getChildAt(j));
  for (let i = 0; i < batch.numRows && firstRows.length < rowsWanted; i++) {
    const row = {};
    fieldNames.forEach((name, j) => {
      row[name] = columns[j].get(i);
    });
    firstRows.push(row);
  }
  numRows += batch.numRows;
}

const out = {
  schemaFields: schema.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable })),
  metadata: Object.fromEntries(schema.metadata),
  numRows,
  numBatches,
  firstRows,
};
process.stdout.write(toJson(out) + '\n');
