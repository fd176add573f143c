// `npm run test:e2e`: the extension end to end in a real VS Code (code-server 4.100.3 = VS Code 1.100.3),
// offline. Installs what is missing (apt packages, code-server into ~/.cache/consistency-e2e), packages and
// installs the .vsix, starts code-server on 127.0.0.1, drives Debian's Chromium with playwright-core through
// what a person sees (test/e2e/lib/ui.mjs), then runs the in-editor API suite (test/e2e/suite/index.cjs)
// through code-server's dev-mode payload URL. Screenshots: test-results/e2e/. Exit 1 when any check fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, newPage } from './lib/browser.mjs';
import { CodeServer } from './lib/code-server.mjs';
import { ensureAptPackages, ensureCodeServer } from './lib/install.mjs';
import { uiChecks } from './lib/ui.mjs';
import { poll } from './lib/wait.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', 'e2e');
const VSIX = join(ROOT, 'consistency-policies.vsix');
const EXTENSION = 'consistency-tools.consistency-policies';
const t0 = Date.now();
const secs = (ms = Date.now() - t0) => `${(ms / 1000).toFixed(1)} s`;
const log = (m) => console.log(`[e2e ${secs()}] ${m}`);
const results = [];
const screenshots = [];

async function check(name, fn) {
  const start = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - start });
    console.log(`✔ ${name} (${secs(Date.now() - start)})`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - start, error: String(e?.stack ?? e) });
    console.log(`✖ ${name} (${secs(Date.now() - start)})\n  ${String(e?.message ?? e).split('\n').join('\n  ')}`);
  }
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** The fixture copied into a fresh workspace folder, and what the language service says about it. */
function workspace(scratch, name) {
  const folder = join(scratch, name);
  cpSync(join(ROOT, 'test', 'e2e', 'fixtures'), folder, { recursive: true });
  const expected = JSON.parse(run(process.execPath, ['--import', 'tsx', 'test/e2e/expected.ts', join(folder, 'wallet.consistency')], 'test/e2e/expected.ts'));
  writeFileSync(join(scratch, `${name}.expected.json`), JSON.stringify(expected, null, 2));
  return { folder, file: expected[0], expectedPath: join(scratch, `${name}.expected.json`) };
}

const settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'chat.commandCenter.enabled': false,
  'consistency.validation.delay': 50,
};

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  log('setup: apt packages and code-server');
  const installed = ensureAptPackages(log);
  if (installed.length) log(`installed ${installed.join(' ')}`);
  const bin = ensureCodeServer(log);

  log('npm run package');
  run('npm', ['run', 'package'], 'npm run package');
  log(`${VSIX}: ${(statSync(VSIX).size / 1024).toFixed(1)} KB`);

  const scratch = mkdtempSync(join(tmpdir(), 'consistency-e2e-'));
  const ui = workspace(scratch, 'ws-ui');
  const api = workspace(scratch, 'ws-api');
  const resultPath = join(scratch, 'api-result.json');
  const server = new CodeServer({ bin, scratch, settings, env: { CONSISTENCY_E2E_RESULT: resultPath, CONSISTENCY_E2E_EXPECTED: api.expectedPath } });
  let context;
  const consoleErrors = [];
  const interrupted = async (why) => {
    console.log(`\n${why}: stopping code-server and the browser`);
    await context?.close().catch(() => {});
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
    results.push({ name: `the run finishes (${why})`, ok: false });
    finish(why === 'timeout' ? 1 : 130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  // A last resort: the checks wait with their own timeouts, so this only fires if something hangs.
  setTimeout(() => void interrupted('timeout'), 8 * 60_000).unref();
  try {
    await check('the .vsix installs into code-server', async () => {
      const list = server.installExtension(VSIX);
      if (!list.some((l) => l.startsWith(`${EXTENSION}@`))) throw new Error(`not listed: ${list.join(', ')}`);
    });
    const url = await server.start();
    log(`code-server at ${url} (its log is copied to test-results/e2e/code-server.log at the end)`);
    context = await launchBrowser(scratch);

    const page = await newPage(context, consoleErrors);
    const shot = async (name) => {
      const path = join(OUT, `${name}.png`);
      await page.screenshot({ path });
      screenshots.push(path);
    };
    await uiChecks({ page, url, folder: ui.folder, file: ui.file, check, shot });
    if (results.some((r) => !r.ok)) await shot('99-ui-failure').catch(() => {});
    await page.close();

    // The in-editor suite, on the files of the installed extension, loaded as a development extension.
    log('in-editor API suite (dev-mode extensionTestsPath)');
    const extensionDir = join(server.extensions, `${EXTENSION}-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`);
    const suite = join(scratch, 'suite', 'index.cjs');
    mkdirSync(join(scratch, 'suite'));
    copyFileSync(join(ROOT, 'test', 'e2e', 'suite', 'index.cjs'), suite);
    const payload = [['extensionDevelopmentPath', `vscode-remote://remote${extensionDir}`], ['extensionTestsPath', `vscode-remote://remote${suite}`]];
    const apiPage = await newPage(context, consoleErrors);
    await apiPage.goto(`${url}/?folder=${encodeURIComponent(api.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const outcome = await poll('the in-editor suite writes its result', 120_000, () => {
      if (!existsSync(resultPath)) return false;
      const r = JSON.parse(readFileSync(resultPath, 'utf8'));
      return r.done && r;
    }).catch((e) => ({ done: false, error: e.message, results: existsSync(resultPath) ? JSON.parse(readFileSync(resultPath, 'utf8')).results : [] }));
    const apiShot = join(OUT, '10-api-suite.png');
    await apiPage.screenshot({ path: apiShot }).then(() => screenshots.push(apiShot), () => {});
    for (const r of outcome.results ?? []) {
      results.push({ name: `[in editor] ${r.name}`, ok: r.ok, ms: r.ms, error: r.error });
      console.log(`${r.ok ? '✔' : '✖'} [in editor] ${r.name} (${secs(r.ms)})${r.ok ? '' : `\n  ${r.error.split('\n').slice(0, 6).join('\n  ')}`}`);
    }
    if (!outcome.done) {
      results.push({ name: '[in editor] the suite finishes', ok: false, error: outcome.error });
      console.log(`✖ [in editor] the suite finishes\n  ${outcome.error}`);
    } else log(`in-editor suite ran on VS Code ${outcome.vscode}, node ${outcome.node}`);
  } finally {
    await context?.close().catch(() => {});
    const left = await server.stop();
    copyFileSync(server.log, join(OUT, 'code-server.log'));
    await check('code-server and everything it started have exited', async () => {
      if (left.length) throw new Error(`still running: ${left.join(' ')}`);
    });
    rmSync(scratch, { recursive: true, force: true });
  }

  if (consoleErrors.length) writeFileSync(join(OUT, 'browser-console-errors.txt'), consoleErrors.join('\n') + '\n');
  console.log(`\nscreenshots:\n${screenshots.map((p) => `  ${p}`).join('\n')}`);
}

try {
  await main();
} catch (e) {
  results.push({ name: 'setup', ok: false, error: String(e?.stack ?? e) });
  console.log(`✖ setup\n  ${String(e?.stack ?? e)}`);
}
function finish(code) {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed (${secs()})`);
  process.exit(code ?? (failed ? 1 : 0));
}
finish();
