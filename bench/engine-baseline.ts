// Another revision's simulator, built from git into a folder of its own and loaded beside this build's, so the
// engine's events/s can be compared with it in one process (alternating data type by data type: the load of a
// shared machine then weighs on both alike). The default is f193b51, the build whose bench read 4.04 M events/s
// when issue 9 set the ≥ 4 M target (session 4's machine): its rate here says what that machine's 4 M is on
// this one. BENCH_ENGINE_BASELINE=<revision> picks another, `none` skips it.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { analyze } from '../server/src/core/pipeline';
import type { simulateData } from '../server/src/core/simulate/index';

/** The revision whose bench set the target, and what it read then. */
export const TARGET_BASELINE = { rev: 'f193b51', eventsPerSec: 4.04, where: "session 4's machine (issue 9's note)" };

/** The two entry points the engine bench calls, as another revision exports them (same names and shapes). */
export interface Engine {
  rev: string;
  analyze: typeof analyze;
  simulateData: typeof simulateData;
}

const ENTRY =
  "export { analyze } from './server/src/core/pipeline';\n" +
  "export { simulateData } from './server/src/core/simulate/index';\n";

/** Builds `rev`'s engine (its own sources, this checkout's node_modules); a sentence saying why not on failure. */
export function loadEngine(rev: string, root = resolve('.')): Engine | string {
  if (!/^[0-9A-Za-z._/-]+$/.test(rev)) return `not a revision: ${rev}`;
  const dir = mkdtempSync(join(tmpdir(), 'consistency-engine-'));
  const step = (what: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new Error(`${what}: ${err.stderr?.toString().trim().split('\n')[0] || err.message.split('\n')[0]}`);
    }
  };
  try {
    step('git archive (a shallow clone lacks old revisions)', () =>
      execSync(`git archive ${rev} | tar -x -C ${JSON.stringify(dir)}`, { cwd: root, stdio: 'pipe' }),
    );
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    step('its prelude', () => execFileSync(process.execPath, ['scripts/gen-prelude.mjs'], { cwd: dir, stdio: 'pipe' }));
    writeFileSync(join(dir, 'engine-entry.ts'), ENTRY);
    const args = ['engine-entry.ts', '--bundle', '--platform=node', '--format=cjs', '--target=node20'];
    const esbuild = join(root, 'node_modules/.bin/esbuild');
    step('esbuild', () =>
      execFileSync(esbuild, [...args, '--outfile=engine.cjs', '--log-level=error'], { cwd: dir, stdio: 'pipe' }),
    );
    const m = createRequire(join(dir, 'engine.cjs'))(join(dir, 'engine.cjs')) as Omit<Engine, 'rev'>;
    return { rev, analyze: m.analyze, simulateData: m.simulateData };
  } catch (e) {
    return `could not build ${rev}: ${(e as Error).message} (BENCH_ENGINE_BASELINE=none skips the comparison)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
