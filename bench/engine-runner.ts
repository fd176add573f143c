// The engine alone over every sample's data types, as one process (bench/engine-baseline.ts builds it from this
// tree or from another revision's, and runs the builds alternately): each data type's default run with the checks
// off, once to warm up (its events counted), then `runs` timed runs, the fastest counted. Prints
// {"events","ms","single"} (single: the first timed runs' total).
// Usage: node engine-runner.cjs <operations> <seed> <runs> <samples dir>…
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/core/pipeline';
import { simulateData } from '../server/src/core/simulate/index';

const [ops, seed, runs, ...dirs] = process.argv.slice(2);
const o = { ops: Number(ops), seed: Number(seed), checks: false };
let events = 0;
let ms = 0;
let single = 0;
for (const dir of dirs) {
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.consistency'))
    .sort()) {
    const path = join(dir, f);
    const { model } = analyze([{ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }]);
    for (const data of model.data.values()) {
      events += simulateData(model, data, o).events;
      const times: number[] = [];
      for (let i = 0; i < Number(runs); i++) {
        const t = performance.now();
        simulateData(model, data, o);
        times.push(performance.now() - t);
      }
      ms += Math.min(...times);
      single += times[0];
    }
  }
}
console.log(JSON.stringify({ events, ms, single }));
