// Entry point of the `consistency` process (out/cli.cjs): the context of a real process around `run`
// (main.ts), its exit code, and a closed pipe (`consistency check . | head`) taken as the end of output.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliContext } from './context';
import { INTERNAL_FAILURE } from './exit-codes';
import { run, toolInfo } from './main';

/** out/simulation-worker.cjs beside the CLI bundle; none when running from source. */
function simulationWorkerBeside(script: string): string | undefined {
  const worker = join(dirname(script), 'simulation-worker.cjs');
  return script.endsWith('.cjs') && existsSync(worker) ? worker : undefined;
}

function processContext(): CliContext {
  const script = typeof __filename === 'string' ? __filename : (process.argv[1] ?? process.cwd());
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    tool: toolInfo(script),
    // Simulations run in the host's worker thread (so Ctrl-C is seen), the bundle beside this one.
    simulationWorker: simulationWorkerBeside(script),
  };
}

function main(): void {
  // A closed pipe (`consistency check . | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = run(process.argv.slice(2), processContext());
  if (typeof code === 'number') process.exitCode = code;
  else
    code.then(
      (c) => (process.exitCode = c),
      (e: unknown) => {
        console.error(e);
        process.exitCode = INTERNAL_FAILURE;
      },
    );
}

main();
