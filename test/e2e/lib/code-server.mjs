// One code-server for the end-to-end test: bound to 127.0.0.1 on a free port, its config, data, user data,
// extensions and temp files under one scratch directory, started in its own process group so that stopping
// it ends the extension hosts and language servers it spawned too.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { poll } from './wait.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export class CodeServer {
  /** @param {{ bin: string, scratch: string, settings: object, env?: object }} o */
  constructor(o) {
    this.bin = o.bin;
    this.scratch = o.scratch;
    this.userData = join(o.scratch, 'user-data');
    this.extensions = join(o.scratch, 'extensions');
    this.log = join(o.scratch, 'code-server.log');
    this.env = {
      ...process.env,
      XDG_CONFIG_HOME: join(o.scratch, 'xdg', 'config'),
      XDG_DATA_HOME: join(o.scratch, 'xdg', 'data'),
      XDG_CACHE_HOME: join(o.scratch, 'xdg', 'cache'),
      TMPDIR: join(o.scratch, 'tmp'),
      ...o.env,
    };
    for (const d of [this.userData, join(this.userData, 'User'), this.extensions, this.env.XDG_CONFIG_HOME, this.env.XDG_DATA_HOME, this.env.XDG_CACHE_HOME, this.env.TMPDIR]) mkdirSync(d, { recursive: true });
    writeFileSync(join(this.userData, 'User', 'settings.json'), JSON.stringify(o.settings, null, 2));
  }

  args() {
    return ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  /** `code-server --install-extension x.vsix` (before the server starts: a running one would not see it). */
  installExtension(vsix) {
    const r = spawnSync(this.bin, [...this.args(), '--install-extension', vsix], { env: this.env, encoding: 'utf8', timeout: 120_000 });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`--install-extension failed (exit ${r.status}):\n${out}`);
    const list = spawnSync(this.bin, [...this.args(), '--list-extensions', '--show-versions'], { env: this.env, encoding: 'utf8', timeout: 120_000 });
    return list.stdout.trim().split('\n').filter(Boolean);
  }

  async start() {
    this.port = await freePort();
    const out = openSync(this.log, 'a');
    this.child = spawn(this.bin, [...this.args(), '--bind-addr', `127.0.0.1:${this.port}`], { env: this.env, detached: true, stdio: ['ignore', out, out] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    const url = `http://127.0.0.1:${this.port}`;
    await poll('code-server answers /healthz', 60_000, async () => {
      if (this.child.exitCode !== null) throw Object.assign(new Error(`code-server exited with ${this.child.exitCode}; see ${this.log}`), { fatal: true });
      try {
        return (await fetch(`${url}/healthz`)).ok;
      } catch {
        return false;
      }
    });
    this.url = url;
    return url;
  }

  /** SIGTERM to the whole process group, SIGKILL after 5 s; returns the pids still alive (none, normally). */
  async stop() {
    const pgid = this.child?.pid;
    if (!pgid) return [];
    const alive = () => groupMembers(pgid);
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // already gone
    }
    const gone = await poll('code-server process group exits', 5_000, () => alive().length === 0).then(() => true, () => false);
    if (!gone) {
      for (const pid of alive()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // raced with its exit
        }
      }
      await poll('code-server process group is killed', 5_000, () => alive().length === 0).catch(() => {});
    }
    return [...alive(), ...leftovers(this.scratch)];
  }
}

/** Pids whose process group is `pgid`. */
function groupMembers(pgid) {
  const r = spawnSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' });
  return r.stdout.split('\n').map((l) => l.trim().split(/\s+/).map(Number)).filter(([pid, g]) => g === pgid && pid).map(([pid]) => pid);
}

/** Pids of any other process that still names the scratch directory (e.g. a re-parented extension host). */
export function leftovers(scratch) {
  const r = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(scratch)).map((l) => Number(l.trim().split(/\s+/)[0])).filter((pid) => pid && pid !== process.pid);
}
