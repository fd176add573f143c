// The commands in two groups, each loaded when one of its commands runs: from source, the modules themselves;
// in the built CLI (out/cli.cjs), bundles of their own beside it (cli-analysis.cjs, cli-other.cjs), loaded
// through V8's code cache (code-cache.ts). So `consistency check` never reads, compiles or runs the simulator's
// or the exporter's code. esbuild.mjs keeps the two modules out of out/cli.cjs (their requires below become
// requires of the bundles, never run). test/cli/bundle.test.ts runs a check with the other group's bundle absent.
import { dirname, join } from 'node:path';
import { requireCached } from './code-cache';
import type * as Analysis from './commands/analysis-commands';
import type * as Other from './commands/other-commands';

/** The folder of out/cli.cjs when this runs as the built CLI; undefined from source (tests, the bench). */
const built = typeof __filename === 'string' && /[\\/]cli\.cjs$/.test(__filename) ? dirname(__filename) : undefined;

export const analysisCommands = (env: NodeJS.ProcessEnv): typeof Analysis =>
  built
    ? (requireCached(join(built, 'cli-analysis.cjs'), env) as typeof Analysis)
    : require('./commands/analysis-commands');

export const otherCommands = (env: NodeJS.ProcessEnv): typeof Other =>
  built ? (requireCached(join(built, 'cli-other.cjs'), env) as typeof Other) : require('./commands/other-commands');
