// The command line in-process, through `run(argv, ctx)` with a captured context: the same code as the bundle
// (test/cli/bundle.test.ts and the signal and install tests prove the bundle itself), without a process per
// call. Simulations run inline (no worker thread), which gives the same results for the same seed.
import { join } from 'node:path';
import { run, toolInfo } from '../../server/src/cli/main';
import type { CliContext } from '../../server/src/cli/context';
import { ROOT, type BundleRun } from './bundle';

/** Runs `consistency <args>` in `cwd`; `env` overrides the environment (undefined removes a variable). */
export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): BundleRun {
  const merged: Record<string, string | undefined> = { ...process.env, COLUMNS: undefined, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd,
    env: merged as NodeJS.ProcessEnv,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    tool: toolInfo(join(ROOT, 'out', 'cli.cjs')),
  };
  const code = run(args, ctx);
  if (typeof code !== 'number') throw new Error('runCli: without a worker every command answers synchronously');
  return { code, stdout, stderr };
}
