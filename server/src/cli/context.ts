// What a command needs from its surroundings (process streams, cwd, environment, tool identity), so
// commands run the same under `node out/cli.cjs` and in tests.
import type { Engine } from '../service/isolation';
import type { ToolInfo } from './output/locate';

export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  stderrIsTTY?: boolean;
  /** Columns of the terminal stdout writes to, when it is one. */
  stdoutColumns?: number;
  out(text: string): void;
  err(text: string): void;
  tool: ToolInfo;
  /** The simulation host's worker script (out/simulation-worker.cjs); without it simulations run inline,
   *  where Ctrl-C cannot stop them gracefully. */
  simulationWorker?: string;
  /** The parser and analyser (the core's unless a test makes some file fail). */
  engine?: Engine;
}

export type Format = 'human' | 'json' | 'sarif';
