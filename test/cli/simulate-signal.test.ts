// `consistency simulate` on the built CLI as a person runs it: Ctrl-C (SIGINT) during a long run prints the
// results so far, marked as stopped, and exits 130; the progress bar appears on a terminal (through
// util-linux `script`, which gives the command a pty) and never with --json or without a terminal.
import { bundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { twoRegionPolicy } from '../helpers/policies';

const POLICY = twoRegionPolicy;

let dir = '';
let cli = '';

before(() => {
  cli = bundle('cli');
  dir = mkdtempSync(join(tmpdir(), 'consistency-simulate-signal-'));
  writeFileSync(join(dir, 'p.consistency'), POLICY);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a run far too long to finish, sends SIGINT once its history file has data (the run is under way). */
function interrupted(
  args: string[],
  history: string,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const path = join(dir, history);
  rmSync(path, { force: true });
  const child = spawn(
    process.execPath,
    [cli, 'simulate', 'p.consistency', '--ops', '100000000', '--history', history, ...args],
    { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const poll = setInterval(() => {
    if (existsSync(path) && statSync(path).size > 0) {
      clearInterval(poll);
      child.kill('SIGINT');
    }
  }, 20);
  // A guard, not a timing assertion: a run that ignores SIGINT would otherwise go on for hours.
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

describe('consistency simulate and Ctrl-C', () => {
  test('SIGINT during a long run: the partial results, marked as stopped, the rest not run; exit 130', async () => {
    const r = await interrupted([], 'h1.jsonl');
    assert.equal(r.signal, null, r.stderr);
    assert.equal(r.code, 130, r.stderr);
    assert.equal(r.stderr, '\nconsistency: stopping; the results so far follow (Ctrl-C again to quit at once)\n');
    assert.match(r.stdout, /^sess — session, async \(5 replicas\)/);
    assert.match(
      r.stdout,
      /\n {2}stopped early \(cancelled\) at [\d.]+ s of simulated time: the results cover what ran\n/,
    );
    assert.match(r.stdout, /\nStopped by Ctrl-C; not run: acct\n/);
    assert.doesNotMatch(r.stdout, /^acct — /m);
    const flat = r.stdout.replace(/\s+/g, ' ');
    assert.ok(
      flat.endsWith(
        ' Simulated 1 data type in 1 run; every promise held so far; 1 run not started (stopped by Ctrl-C) (seed 1). ',
      ),
      flat.slice(-200),
    );
  });

  test('SIGINT with --json: the stopped run and the runs never started', async () => {
    const r = await interrupted(['--json'], 'h2.jsonl');
    assert.equal(r.code, 130, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.runs.length, 1);
    assert.equal(j.runs[0].stopped, 'cancelled');
    assert.equal(j.runs[0].scenario.name, 'sess (default)');
    const read = j.runs[0].data[0].read;
    assert.ok(read.offered > 0);
    assert.equal(
      read.offered,
      read.ok + read.fail + read.info + read.shed + read.unfinished,
      'every operation offered is accounted for',
    );
    assert.deepEqual(j.stopped, { skipped: [{ kind: 'data', name: 'acct' }] });
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('the progress bar', { skip: hasScript ? false : 'util-linux `script` is not installed' }, () => {
  /** stderr as a terminal sees it (stdout is discarded inside the pty). */
  const onTerminal = (...args: string[]) => {
    const command = [process.execPath, cli, 'simulate', 'p.consistency', ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', `${command} > /dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, tty: r.stdout };
  };

  test('drawn on a terminal, from 0% to 100%, through each run, then erased', () => {
    const r = onTerminal('--ops', '20000');
    assert.equal(r.code, 0, r.tty);
    const frames = r.tty.split('\r').filter((f) => f !== '');
    assert.equal(frames[0], `[${'·'.repeat(30)}]   0% sess\x1b[K`);
    assert.ok(frames.includes(`[${'#'.repeat(15)}${'·'.repeat(15)}]  50% acct\x1b[K`), JSON.stringify(frames));
    assert.equal(frames.at(-2), `[${'#'.repeat(30)}] 100% acct\x1b[K`);
    assert.equal(frames.at(-1), '\x1b[K');
    assert.equal(new Set(frames).size, frames.length, 'an unchanged frame is not redrawn');
  });

  test('not drawn with --json', () => {
    const r = onTerminal('--ops', '20000', '--json');
    assert.equal(r.code, 0, r.tty);
    assert.equal(r.tty, '');
  });
});
