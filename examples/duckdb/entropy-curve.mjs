// The report's collapse curve of one metric (figures/curve-METRIC.vl.json: per cell and
// generation the mean over replicates and the q05-q95 band) recomputed with DuckDB's SQL from the
// Parquet rows in DIR/generations/, one row per chain and generation.
//
//   npm install @duckdb/node-api        (once, in this folder)
//   node entropy-curve.mjs results/quickstart [METRIC] > curve.csv
//
// Prints CSV (cell_id, generation, mean, q05, q95; quantiles by linear interpolation, as the
// summary's) and writes DIR/examples/duckdb-curve-METRIC.vl.json, a Vega-Lite line and band chart.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, metric = 'entropy'] = process.argv.slice(2);
if (!dir || !/^[a-z0-9_]+$/.test(metric)) {
  console.error('usage: node entropy-curve.mjs DIR [METRIC]  (METRIC: a column such as entropy)');
  process.exit(2);
}
const parquet = join(dir, 'generations', '*.parquet').replaceAll("'", "''");
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`
  SELECT cell_id, generation,
         avg(${metric})                 AS mean,
         quantile_cont(${metric}, 0.05) AS q05,
         quantile_cont(${metric}, 0.95) AS q95
  FROM read_parquet('${parquet}')
  WHERE isfinite(${metric})
  GROUP BY cell_id, generation
  ORDER BY cell_id, generation`);
const rows = reader.getRowObjectsJson();
connection.closeSync();
instance.closeSync();

console.log('cell_id,generation,mean,q05,q95');
for (const r of rows) console.log([r.cell_id, r.generation, r.mean, r.q05, r.q95].join(','));

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: `${metric} against generation (DuckDB)`,
  data: { values: rows },
  encoding: {
    x: { field: 'generation', type: 'quantitative' },
    color: { field: 'cell_id', type: 'nominal' },
  },
  layer: [
    { mark: { type: 'area', opacity: 0.15 },
      encoding: { y: { field: 'q05', type: 'quantitative', title: metric }, y2: { field: 'q95' } } },
    { mark: 'line', encoding: { y: { field: 'mean', type: 'quantitative' } } },
  ],
};
mkdirSync(join(dir, 'examples'), { recursive: true });
writeFileSync(join(dir, 'examples', `duckdb-curve-${metric}.vl.json`), JSON.stringify(spec, null, 1));
