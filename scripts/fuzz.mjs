// `npm run fuzz`: the robustness properties of test/property/robust.property.test.ts over many more inputs,
// each analysis timed. FUZZ_RUNS (default 2000) inputs of each kind, FUZZ_SEED (default: random, printed so a
// run can be replayed), FUZZ_MAX_FACTOR (default 100: pathological shapes up to 100× their base size).
// Fails (exit 1) on a property failure, or when an input under 1 MB takes more than FUZZ_LIMIT_MS (2,000 ms;
// each input is timed after a garbage collection, but a machine busy with other work slows everything).
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const entry = `
import fc from 'fast-check';
import { checkDocument, mutatedSample, pathological } from './test/property/robust-inputs';
const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const maxFactor = Number(process.env.FUZZ_MAX_FACTOR ?? 100);
const LIMIT_MS = Number(process.env.FUZZ_LIMIT_MS ?? 2000), SMALL = 1 << 20;
let failed = false;
console.log('fuzz: ' + runs + ' inputs of each kind, seed ' + seed + ', shapes up to ' + maxFactor + 'x');
for (const [name, arb] of [['mutated samples', mutatedSample], ['pathological shapes', pathological(maxFactor)]]) {
  const times = [];
  let slowest = { ms: 0, text: '' }, peakHeap = 0;
  const result = fc.check(fc.property(arb, (text) => {
    globalThis.gc?.(); // the previous input's garbage is not this one's time
    const t0 = performance.now();
    checkDocument(text);
    const ms = performance.now() - t0;
    times.push(ms);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (ms > slowest.ms) slowest = { ms, text };
    if (ms > LIMIT_MS && text.length < SMALL) {
      throw new Error('took ' + ms.toFixed(0) + ' ms on ' + text.length + ' characters');
    }
  }), { seed, numRuns: runs });
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))]?.toFixed(1);
  console.log(name + ': ' + times.length + ' inputs; ms p50 ' + q(0.5) + ', p99 ' + q(0.99) + ', max ' + q(1) +
    ' (' + slowest.text.length + ' characters: ' + JSON.stringify(slowest.text.slice(0, 60)) + '…); peak heap ' +
    (peakHeap / 2 ** 20).toFixed(0) + ' MB');
  if (result.failed) {
    failed = true;
    const text = String(result.counterexample?.[0] ?? '');
    const error = String(result.errorInstance ?? result.error).slice(0, 500);
    console.error('FAILED (seed ' + seed + ', path ' + result.counterexample_path + '): ' + error);
    const head = JSON.stringify(text.slice(0, 300)) + (text.length > 300 ? '…' : '');
    console.error('input: ' + text.length + ' characters: ' + head);
  }
}
process.exit(failed ? 1 : 0);
`;

mkdirSync('.tmp', { recursive: true });
await esbuild.build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'fuzz-entry.ts' },
  outfile: '.tmp/fuzz.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', '.tmp/fuzz.cjs'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
