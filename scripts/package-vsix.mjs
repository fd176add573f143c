// Builds consistency-policies.vsix. The repository's package.json is also the npm package of the CLI (its
// `files` list is what `npm pack` ships), and vsce refuses a manifest with both `files` and a .vscodeignore:
// so the extension is packaged from a staging folder holding exactly the files .vscodeignore keeps, with a
// manifest without the npm-only fields.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const stage = join(root, '.tmp', 'vsix');
const out = join(root, 'consistency-policies.vsix');

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, ['esbuild.mjs', '--production']);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
const kept = ignore
  .split('\n')
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).trim());
for (const file of kept.filter((f) => f !== 'package.json')) {
  mkdirSync(dirname(join(stage, file)), { recursive: true });
  cpSync(join(root, file), join(stage, file));
}
writeFileSync(join(stage, '.vscodeignore'), ignore);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { files, bin, scripts, devDependencies, ...manifest } = pkg;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const flags = ['--no-dependencies', '--allow-missing-repository', '--skip-license'];
flags.push('--readme-path', 'client/README.md');
run(process.execPath, [vsce, 'package', ...flags, '-o', out], stage);
rmSync(stage, { recursive: true, force: true });
