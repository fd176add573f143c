// The command line as a whole process, the way CI meets it: `consistency check` of a 10-line and of a
// 5,000-line policy beside `node -e 0`, measured alternately in one run (the machine's load then weighs on
// both alike), medians compared as ratios. Targets (issue 13): ≤ 2× and ≤ 3× `node -e 0`. With a baseline
// (BENCH_BASELINE_CLI=path/to/another/build/out/cli.cjs), that build's CLI is measured in the same alternation,
// so a change's before and after come from one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePolicy } from './generate';
import { median } from './stats';

const SMALL =
  'topology t {\n  region mumbai { replicas 3 primary }\n}\n\ndata cart {\n  topology t\n' +
  '  consistency session\n  latency read p99 <= 50ms\n}\n';

function wallMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
}

export function benchStart(cli: string, rounds = 21, baseline?: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-start-'));
  try {
    const small = join(dir, 'small.consistency');
    const large = join(dir, 'large.consistency');
    writeFileSync(small, SMALL);
    writeFileSync(large, generatePolicy(5_000));
    const node: number[] = [];
    const ten: number[] = [];
    const five: number[] = [];
    const before: [number[], number[]] = [[], []];
    for (let i = 0; i < rounds + 2; i++) {
      const n = wallMs(['-e', '0']);
      const s = wallMs([cli, 'check', small]);
      const l = wallMs([cli, 'check', large]);
      const b = baseline ? [wallMs([baseline, 'check', small]), wallMs([baseline, 'check', large])] : [];
      if (i < 2) continue; // warm the page cache
      node.push(n);
      ten.push(s);
      five.push(l);
      b.forEach((ms, k) => before[k].push(ms));
    }
    const base = median(node);
    console.log(`\nCLI start (whole process, median of ${rounds}, alternating): node -e 0 ${base.toFixed(0)} ms`);
    for (const [what, xs, goal] of [
      ['10-line check', ten, 2],
      ['5,000-line check', five, 3],
    ] as const) {
      const ratio = median(xs) / base;
      const verdict = ratio <= goal ? 'MET' : 'NOT MET';
      console.log(
        `  ${what}: ${median(xs).toFixed(0)} ms = ${ratio.toFixed(2)}× node -e 0 (target ≤ ${goal}×: ${verdict})`,
      );
    }
    if (!baseline) return;
    for (const [what, xs] of [
      ['10-line check', before[0]],
      ['5,000-line check', before[1]],
    ] as const) {
      console.log(`  baseline ${what}: ${median(xs).toFixed(0)} ms = ${(median(xs) / base).toFixed(2)}× node -e 0`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
