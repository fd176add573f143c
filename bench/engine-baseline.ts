// The engine's events/s beside another revision's, each built the same way (bench/engine-runner.ts bundled from
// its own tree) and run as whole processes, alternately: two engines in one process measured 1.2–1.3× apart
// when both were this very code (whichever ran first in each pair, or was loaded first, ran faster), separate
// processes do not share that bias, and alternating spreads a shared machine's load over both. The default
// baseline is f193b51, the build whose bench read 4.04 M events/s when issue 9 set the ≥ 4 M target (session 4's
// machine): its rate here says what that machine's 4 M is on this one. BENCH_ENGINE_BASELINE=<revision> picks
// another, `none` skips it.
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serverNodeFlags } from '../server/src/lsp/protocol';

/** The revision whose bench set the target, and what it read then. */
export const TARGET_BASELINE = { rev: 'f193b51', eventsPerSec: 4.04, where: "session 4's machine (issue 9's note)" };

/** One engine as a runnable bundle. */
export interface EngineBuild {
  name: string;
  runner: string;
}

/** What one run of a runner measured. */
export interface EngineRun {
  events: number;
  ms: number;
  single: number;
}

const RUNNER = 'bench/engine-runner.ts';

/** Runs `what`; on failure, an error naming the step and the first line of its output. */
function step(what: string, f: () => void): void {
  try {
    f();
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`${what}: ${err.stderr?.toString().trim().split('\n')[0] || err.message.split('\n')[0]}`);
  }
}

/** Bundles the runner of the tree at `tree` into `out` (this checkout's esbuild). */
function bundle(root: string, tree: string, out: string): void {
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  const args = [RUNNER, '--bundle', '--platform=node', '--format=cjs', '--target=node20', '--log-level=error'];
  step('esbuild', () => execFileSync(esbuild, [...args, `--outfile=${out}`], { cwd: tree, stdio: 'pipe' }));
}

/** This checkout's engine and, unless `rev` is null, the revision's (its sources with this checkout's runner and
 *  node_modules), built into a new folder `dir` (the caller removes it); `other` holds why the revision could not
 *  be built. */
export function buildEngines(
  rev: string | null,
  root = resolve('.'),
): { dir: string; self: EngineBuild; other: EngineBuild | string } {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-engine-'));
  const self = { name: 'this build', runner: join(dir, 'self.cjs') };
  bundle(root, root, self.runner);
  if (rev === null) return { dir, self, other: 'BENCH_ENGINE_BASELINE=none' };
  try {
    if (!/^[0-9A-Za-z._/-]+$/.test(rev)) throw new Error(`not a revision: ${rev}`);
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    step('git archive (a shallow clone lacks old revisions)', () =>
      execSync(`git archive ${rev} | tar -x -C ${JSON.stringify(tree)}`, { cwd: root, stdio: 'pipe' }),
    );
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    step('its prelude', () =>
      execFileSync(process.execPath, ['scripts/gen-prelude.mjs'], { cwd: tree, stdio: 'pipe' }),
    );
    copyFileSync(join(root, RUNNER), join(tree, RUNNER));
    const other = { name: rev, runner: join(dir, 'other.cjs') };
    bundle(root, tree, other.runner);
    return { dir, self, other };
  } catch (e) {
    return {
      dir,
      self,
      other: `could not build ${rev}: ${(e as Error).message} (BENCH_ENGINE_BASELINE=none skips it)`,
    };
  }
}

/** One process of a runner over the samples, with the flags the server runs with (as the bench itself). */
export function runEngine(e: EngineBuild, dirs: string[], ops: number, seed: number, runs: number): EngineRun {
  const r = spawnSync(
    process.execPath,
    [...serverNodeFlags, e.runner, String(ops), String(seed), String(runs), ...dirs],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`${e.name}'s engine exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  return JSON.parse(r.stdout) as EngineRun;
}
