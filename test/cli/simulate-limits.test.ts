// Simulations bounded, on the built CLI (its worker thread) and in process: a wall-time limit with a default
// and `--time-limit` (the results so far, exit 1); runs whose operations (load × duration) or memory (keys ×
// replicas) are beyond what one run may take are refused before they start, with the estimate and what to
// change, while the file's other runs still run.
import { bundle, runBundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../server/src/cli/context';
import { run } from '../../server/src/cli/main';
import { TOOL } from './report';

const topology = (replicas: number) => `topology t {
  region mumbai { replicas ${replicas} primary }
  region delhi { replicas ${replicas} }
  link mumbai <-> delhi 40ms
}
data x {
  topology t
  consistency eventual
}
`;

const POLICY = `${topology(2)}data y {
  topology t
  consistency eventual
}
scenario endless {
  data x
  duration 100000s
  load 400/s
}
scenario forever {
  data x
  duration 1000 days
  load 1B/s
}
scenario small {
  data x
  duration 1s
  load 50/s
}
`;

const WIDE = `${topology(50)}scenario many_keys {
  data x
  duration 1s
  load 10/s
  keys 1000000
}
`;

let dir = '';
const cli = (...args: string[]) => runBundle('cli', args, dir, { NO_COLOR: '1' });

async function inProcess(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd: dir,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    tool: TOOL,
  };
  return { code: await run(argv, ctx), stdout, stderr };
}

before(() => {
  bundle('cli');
  dir = mkdtempSync(join(tmpdir(), 'consistency-limits-'));
  writeFileSync(join(dir, 'p.consistency'), POLICY);
  writeFileSync(join(dir, 'wide.consistency'), WIDE);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('simulations bounded', () => {
  test('--time-limit stops a long run in the worker: the results so far, the rest not started, exit 1', () => {
    const r = cli('simulate', 'p.consistency', '--scenario', 'endless', '--data', 'y', '--time-limit', '1s');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /stopped by the time limit \(--time-limit 1s\) of wall time; the results cover what ran/);
    assert.match(r.stdout, /stopped early \(the time limit \(--time-limit 1s\)\) at [\d.,]+ s of simulated time/);
    assert.match(r.stdout, /Stopped by the time limit \(--time-limit 1s\); not run: y/);
  });

  test('in process too (no worker): the limit is read between batches of events', async () => {
    const r = await inProcess('simulate', 'p.consistency', '--scenario', 'endless', '--time-limit', '200ms', '--json');
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as { runs: { stopped?: string; simulatedMs: number }[] };
    assert.equal(doc.runs[0].stopped, 'cancelled');
    assert.ok(doc.runs[0].simulatedMs < 100_000_000);
  });

  test('load × duration beyond a run: refused up front with the count; the other runs still run', async () => {
    const r = await inProcess('simulate', 'p.consistency', '--scenario', 'forever', '--scenario', 'small');
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      // The model has already clamped the load to its limit (a limit-exceeded error on the scenario, counted
      // on stderr); the runner refuses even that.
      /scenario forever: forever would offer 10,000,000,000 operations \(116\/s for 86,400,000 s\), over the 1,000,000,000 one run may simulate: shorten its duration or lower its load\./,
    );
    assert.match(r.stderr, /error/);
    assert.match(r.stdout, /Scenario small — 50 ops\/s for 1 s/);
  });

  test('keys × replicas beyond memory: refused with the estimated size, not an out-of-memory abort', async () => {
    const r = await inProcess('simulate', 'wide.consistency', '--scenario', 'many_keys');
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /many_keys would need about 38 GB of memory \(1,000,000 keys × 102 replica states × ~400 bytes\), over the 1 GB one run may use: use at most 26,317 keys here, or fewer replicas\./,
    );
  });

  test('--time-limit takes a duration; anything else is a usage error', async () => {
    for (const bad of ['0s', '5x', '25h', '-1']) {
      const r = await inProcess('simulate', 'p.consistency', '--time-limit', bad);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--time-limit needs a duration from 100ms to 24h, such as 90s, 10m or 1h/, bad);
    }
  });
});
