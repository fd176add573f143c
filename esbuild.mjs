// Bundles every entry point of the product into out/*.cjs (node, CommonJS), and the webviews into out/webview/*.js (browser IIFE).
// Usage: node esbuild.mjs [--production] [--watch] [--outdir=dir] (default out/; bench/start.ts builds the shipped
// CLI into a folder of its own this way)
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'out';

/** entry file → output name; entries that do not exist yet are skipped. */
const entries = {
  'server/src/cli/bin.ts': 'cli',
  'server/src/cli/commands/analysis-commands.ts': 'cli-analysis',
  'server/src/cli/commands/other-commands.ts': 'cli-other',
  'server/src/lsp/main.ts': 'server',
  'bench/main.ts': 'bench',
  'client/src/extension.ts': 'extension',
  'server/src/host/simulation-worker.ts': 'simulation-worker',
};

/** Browser entries (webviews): one IIFE script each, plus the CSS it imports. */
const browserEntries = {
  'client/src/webview/simulation.ts': 'webview/simulation',
};

const entryPoints = Object.entries(entries)
  .filter(([file]) => existsSync(file))
  .map(([file, out]) => ({ in: file, out }));

/**
 * The CLI's command groups (server/src/cli/command-groups.ts) stay out of out/cli.cjs: its requires of the two
 * modules become requires of the groups' own bundles beside it, which the built CLI never runs (it loads the
 * bundles itself, through V8's code cache, when a command of the group runs).
 */
const commandGroups = {
  name: 'command-groups',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/(analysis|other)-commands$/ }, (args) =>
      args.importer.endsWith('command-groups.ts')
        ? { path: `./cli-${args.path.match(/(analysis|other)/)[1]}.cjs`, external: true }
        : undefined,
    );
  },
};

const options = {
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [commandGroups],
};

const browserOptions = {
  entryPoints: Object.entries(browserEntries)
    .filter(([file]) => existsSync(file))
    .map(([file, out]) => ({ in: file, out })),
  outdir,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

if (watch) {
  for (const o of [options, browserOptions]) await (await esbuild.context(o)).watch();
  console.log('[esbuild] watching');
} else {
  await Promise.all([esbuild.build(options), esbuild.build(browserOptions)]);
}
