// The commands in two groups, each loaded when one of its commands runs: from source, the modules themselves;
// in the built CLI, bundles of their own beside out/cli.cjs (esbuild.mjs points these two requires at
// ./cli-analysis.cjs and ./cli-other.cjs), so `consistency check` never reads, compiles or runs the simulator's
// or the exporter's code. test/cli/bundle.test.ts runs a check with the other group's bundle absent.
import type * as Analysis from './commands/analysis-commands';
import type * as Other from './commands/other-commands';

export const analysisCommands = (): typeof Analysis => require('./commands/analysis-commands');

export const otherCommands = (): typeof Other => require('./commands/other-commands');
