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
