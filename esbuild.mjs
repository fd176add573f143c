// Bundles every entry point of the product into out/*.cjs (node, CommonJS).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** entry file → output name; entries that do not exist yet are skipped. */
const entries = {
  'server/src/cli/main.ts': 'cli',
  'server/src/lsp/main.ts': 'server',
  'bench/main.ts': 'bench',
  'client/src/extension.ts': 'extension',
};

const entryPoints = Object.entries(entries)
  .filter(([file]) => existsSync(file))
  .map(([file, out]) => ({ in: file, out }));

const options = {
  entryPoints,
  outdir: 'out',
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

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('[esbuild] watching');
} else {
  await esbuild.build(options);
}
