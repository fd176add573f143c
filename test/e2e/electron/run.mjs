// The same in-editor extension tests (test/e2e/suite/index.cjs) under @vscode/test-electron, for people
// with network access: it DOWNLOADS a desktop VS Code, so it is not run by CI or `npm run test:e2e`
// (update.code.visualstudio.com cannot be reached there; see test/e2e/README.md).
// Usage: npm install --no-save @vscode/test-electron && npm run package && node test/e2e/electron/run.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'consistency-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test', 'e2e', 'fixtures'), workspace, { recursive: true });
const fixture = join(workspace, 'wallet.consistency');

const expected = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'e2e', 'expected.ts'), fixture], { cwd: root, encoding: 'utf8' });
if (expected.status !== 0) throw new Error(expected.stderr);
const expectedFile = join(scratch, 'expected.json');
const resultFile = join(scratch, 'result.json');
writeFileSync(expectedFile, expected.stdout);

const { runTests } = await import('@vscode/test-electron');
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'e2e', 'suite', 'index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    extensionTestsEnv: { CONSISTENCY_E2E_EXPECTED: expectedFile, CONSISTENCY_E2E_RESULT: resultFile },
  });
} finally {
  try {
    const { results } = JSON.parse(readFileSync(resultFile, 'utf8'));
    for (const r of results) console.log(`${r.ok ? '✔' : '✖'} ${r.name}${r.ok ? '' : `\n  ${r.error}`}`);
    console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`);
  } catch {
    console.log('no result file: the extension tests did not run');
  }
  rmSync(scratch, { recursive: true, force: true });
}
