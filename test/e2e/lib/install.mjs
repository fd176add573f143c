// Installs what the end-to-end test needs, once: Debian packages (apt-get, only the missing ones) and
// code-server@4.100.3 from npm into a cache directory outside node_modules, with the workarounds of
// /work/shared/notes/real-clients.md (root install, kerberos headers, an offline ripgrep, npx prompts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep's version in code-server 4.100.3, and the release its postinstall would download. */
const RIPGREP = { cache: 'vscode-ripgrep-cache-1.15.11', tarball: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
export const APT_PACKAGES = ['libkrb5-dev', 'ripgrep', 'chromium'];

export function cacheRoot() {
  return process.env.CONSISTENCY_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'consistency-e2e');
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: 15 * 60_000, killSignal: 'SIGKILL', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
  return r;
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs the packages that are missing through .ci/apt.sh (no recommendations, apt's output in a log
 *  shown only on failure); returns what was missing. */
export function ensureAptPackages(log, packages = APT_PACKAGES) {
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) return [];
  log(`apt-get install --no-install-recommends ${missing.join(' ')}`);
  run('bash', [join(import.meta.dirname, '../../../.ci/apt.sh'), ...missing]);
  return missing;
}

/** The code-server launcher in the cache, installing code-server first when it is missing. */
export function ensureCodeServer(log) {
  const dir = join(cacheRoot(), 'code-server');
  const bin = join(dir, 'node_modules', '.bin', 'code-server');
  const done = join(dir, '.installed');
  if (existsSync(done) && version(bin)?.startsWith(CODE_SERVER_VERSION)) return bin;

  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (about a minute)`);
  rmSync(dir, { recursive: true, force: true }); // a half-finished install is started again
  const tmp = join(dir, '.tmp');
  // @vscode/ripgrep's postinstall downloads from GitHub unless its cache holds the tarball: seed it from Debian's rg.
  const rgDir = join(tmp, 'rg');
  mkdirSync(join(tmp, RIPGREP.cache), { recursive: true });
  mkdirSync(rgDir);
  cpSync('/usr/bin/rg', join(rgDir, 'rg'));
  run('tar', ['czf', join(tmp, RIPGREP.cache, RIPGREP.tarball), '-C', rgDir, 'rg']);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consistency-e2e-code-server', private: true }) + '\n');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_yes: 'true', // node-pty's postinstall runs npx node-gyp
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--no-save', '--foreground-scripts', '--loglevel', 'error', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
  rmSync(tmp, { recursive: true, force: true });
  const got = version(bin);
  if (!got?.startsWith(CODE_SERVER_VERSION)) throw new Error(`code-server installed, but --version says ${got}`);
  writeFileSync(done, `${got}\n`);
  log(`code-server ${got}`);
  return bin;
}

/** `code-server --version`, with its config and data dirs kept out of $HOME (it writes a config file). */
function version(bin) {
  const xdg = join(cacheRoot(), 'xdg');
  const env = { ...process.env, XDG_CONFIG_HOME: join(xdg, 'config'), XDG_DATA_HOME: join(xdg, 'data') };
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000, env });
  return r.status === 0 ? r.stdout.split('\n').find((l) => /^\d+\.\d+\.\d+ /.test(l))?.trim() : undefined;
}
