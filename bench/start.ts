// The command line as a whole process, the way CI meets it: `consistency check` of a 10-line and of a
// 5,000-line policy beside `node -e 0`, measured alternately in one run (the machine's load then weighs on
// both alike), medians compared as ratios. Targets (issue 13): ≤ 2× and ≤ 3× `node -e 0`, for the CLI as it
// ships: `npm pack` bundles it with `esbuild.mjs --production` (minified), so the bench builds that bundle into
// a folder of its own and times it; the development bundle (out/cli.cjs, unminified, what `npm run build`
// makes) is timed beside it. Each CLI keeps its V8 code cache in a folder of the bench's own (as a user's does in
// their cache folder, cli/code-cache.ts): the first run of each, which makes it, is printed apart. With a baseline CLI (BENCH_BASELINE_CLI=path/to/cli.cjs, e.g. another branch's
// build) it runs in the same rounds, for before/after.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePolicy } from './generate';
import { median } from './stats';

const SMALL =
  'topology t {\n  region mumbai { replicas 3 primary }\n}\n\ndata cart {\n  topology t\n' +
  '  consistency session\n  latency read p99 <= 50ms\n}\n';

function wallMs(args: string[], cache?: string): number {
  const env = cache ? { ...process.env, CONSISTENCY_CODE_CACHE: cache } : process.env;
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
}

/** The CLI bundle as `npm pack` makes it (`prepack`: esbuild.mjs --production), built into `dir`. */
function shippedCli(root: string, dir: string): string {
  const out = join(dir, 'shipped');
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${out}`], { cwd: root });
  if (r.status !== 0) throw new Error(`esbuild.mjs --production exited ${r.status}: ${r.stderr}`);
  return join(out, 'cli.cjs');
}

/** `root`: the repository (esbuild.mjs); `devCli`: its out/cli.cjs. */
export function benchStart(root: string, devCli: string, rounds = 21, baseline?: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-start-'));
  try {
    const small = join(dir, 'small.consistency');
    const large = join(dir, 'large.consistency');
    writeFileSync(small, SMALL);
    writeFileSync(large, generatePolicy(5_000));
    const clis = [
      { name: 'shipped bundle (npm pack, minified)', path: shippedCli(root, dir), targets: true },
      { name: 'development bundle (out/cli.cjs)', path: devCli, targets: false },
      ...(baseline ? [{ name: `baseline ${baseline}`, path: baseline, targets: false }] : []),
    ].map((c, k) => ({ ...c, cache: join(dir, `cache-${k}`), ten: [] as number[], five: [] as number[] }));
    const node: number[] = [];
    const first = clis.map((c) => wallMs([c.path, 'check', large], c.cache));
    for (let i = 0; i < rounds + 2; i++) {
      const n = wallMs(['-e', '0']);
      const times = clis.map((c) => [
        wallMs([c.path, 'check', small], c.cache),
        wallMs([c.path, 'check', large], c.cache),
      ]);
      if (i < 2) continue; // warm the page cache
      node.push(n);
      clis.forEach((c, k) => (c.ten.push(times[k][0]), c.five.push(times[k][1])));
    }
    const base = median(node);
    console.log(`\nCLI start (whole process, median of ${rounds}, alternating): node -e 0 ${base.toFixed(0)} ms`);
    for (const [k, c] of clis.entries()) {
      console.log(`  ${c.name} (first 5,000-line run, which makes its code cache: ${first[k].toFixed(0)} ms):`);
      for (const [what, xs, goal] of [
        ['10-line check', c.ten, 2],
        ['5,000-line check', c.five, 3],
      ] as const) {
        const ratio = median(xs) / base;
        const verdict = c.targets ? ` (target ≤ ${goal}×: ${ratio <= goal ? 'MET' : 'NOT MET'})` : '';
        console.log(`    ${what}: ${median(xs).toFixed(0)} ms = ${ratio.toFixed(2)}× node -e 0${verdict}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
