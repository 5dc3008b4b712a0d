// Shared JSON output for the independent readers.
//
// JSON has no 64-bit integers and no infinities, so the readers print:
//   - bigint (Arrow Int64, DuckDB BIGINT) as a bare JSON integer with every digit (exact; Java's
//     Jackson reads it back as a long, JavaScript's JSON.parse would not);
//   - non-finite doubles as the strings "Infinity", "-Infinity" (and "NaN", which collapse-sim
//     never writes: a NaN seen here is a bug upstream, and the string makes it visible);
//   - negative zero as -0.0 (JSON.stringify would print 0).

/** Serialises a value to JSON text with the conventions above. */
export function toJson(value) {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      if (Number.isNaN(value)) return '"NaN"';
      if (value === Infinity) return '"Infinity"';
      if (value === -Infinity) return '"-Infinity"';
      if (Object.is(value, -0)) return '-0.0'; // JSON.stringify(-0) would drop the sign
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return JSON.stringify(String(value));
  }
  if (value instanceof Map) {
    return toJson(Object.fromEntries(value));
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return '[' + Array.from(value, toJson).join(',') + ']';
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    return '{' + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ':' + toJson(v)).join(',') + '}';
  }
  // Library value objects (decimals, timestamps...): their own text form.
  return JSON.stringify(String(value));
}

/** Prints an error as one line on stderr and exits non-zero. */
export function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}
