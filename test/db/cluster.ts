// A throwaway PostgreSQL primary and streaming replica on 127.0.0.1, in one temporary directory: finds the
// server binaries (installed by .ci/postgres.sh; never from inside the tests), runs them as a non-root user,
// stops and removes them.
import { execFile, execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  appendFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const prefix = 'consistency-pg-';
/** As root the servers run as another user, who must reach the directory: /tmp then, whatever TMPDIR says. */
const base = () => (process.getuid?.() === 0 ? '/tmp' : tmpdir());
const needed = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

export interface PgNode {
  port: number;
  data: string;
  log: string;
}

export interface Cluster {
  root: string;
  primary: PgNode;
  replica: PgNode;
  /** The server binaries' directory, e.g. /usr/lib/postgresql/15/bin. */
  bin: string;
  /** Stops both servers and removes the directory; safe to call twice. */
  stop(): Promise<void>;
}

/** `$PG_BIN`, else the newest /usr/lib/postgresql/<version>/bin that has every server binary. */
export function findBinaries(): string | undefined {
  let debian: string[] = [];
  try {
    debian = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    // no Debian PostgreSQL yet
  }
  return [process.env.PG_BIN, ...debian].find((d): d is string => !!d && needed.every((b) => existsSync(join(d, b))));
}

/** Why the PostgreSQL tests cannot run here, or undefined when the binaries are there. */
export function missingBinaries(): string | undefined {
  if (findBinaries()) return undefined;
  return `the PostgreSQL server binaries (${needed.join(', ')}) are not installed: run \`bash .ci/postgres.sh\` (root or sudo) or set PG_BIN`;
}

/** The binaries; the test is skipped (or, in CI, fails) before this when they are missing. */
export function requireBinaries(): string {
  const found = findBinaries();
  if (!found) throw new Error(missingBinaries());
  return found;
}

/** PostgreSQL refuses to run as root: as root, run its commands as `postgres` (else `nobody`). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // try the next user
    }
  }
  throw new Error('running as root and neither a postgres nor a nobody user exists to run PostgreSQL');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

const tail = (log: string) =>
  existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';

/** Removes clusters left by runs killed before their cleanup (older than 10 minutes: a run takes about one). */
export function removeLeftovers(bin: string | undefined): number {
  let removed = 0;
  for (const name of readdirSync(base()).filter((n) => n.startsWith(prefix))) {
    const root = join(base(), name);
    try {
      if (Date.now() - statSync(root).mtimeMs < 10 * 60_000) continue;
      for (const node of ['replica', 'primary']) stopSync(bin, join(root, node));
      rmSync(root, { recursive: true, force: true });
      removed++;
    } catch {
      // another run's, or not ours to remove
    }
  }
  return removed;
}

function stopSync(bin: string | undefined, data: string): void {
  if (!bin || !existsSync(join(data, 'postmaster.pid'))) return;
  try {
    execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '20', 'stop'], {
      stdio: 'ignore',
      ...serverUser(),
    });
  } catch {
    // already stopped
  }
}

export interface ClusterOptions {
  /** The replica's application_name: the name `synchronous_standby_names` refers to. */
  standbyName: string;
  /** The replica's recovery_min_apply_delay, so that replication lag is visible on loopback. */
  applyDelayMs: number;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const bin = requireBinaries();
  removeLeftovers(bin);
  const user = serverUser();
  const root = mkdtempSync(join(base(), prefix));
  if (user) chownSync(root, user.uid, user.gid);
  const cmd = async (name: string, args: string[]) => {
    try {
      await run(join(bin, name), args, {
        cwd: root,
        timeout: 60_000,
        env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' },
        ...user,
      });
    } catch (e) {
      const err = e as Error & { stderr?: string };
      throw new Error(`${name} ${args.join(' ')} failed: ${err.stderr || err.message}`);
    }
  };
  const node = async (name: string): Promise<PgNode> => ({
    port: await freePort(),
    data: join(root, name),
    log: join(root, `${name}.log`),
  });
  const primary = await node('primary');
  const replica = await node('replica');
  const conf = (n: PgNode, lines: string[]) =>
    appendFileSync(join(n.data, 'postgresql.conf'), `\n${lines.join('\n')}\n`);
  let stopped = false;
  const stopAll = () => {
    if (stopped) return;
    stopped = true;
    for (const n of [replica, primary]) stopSync(bin, n.data);
    rmSync(root, { recursive: true, force: true });
  };
  // Also when the run is interrupted: stop, then let the signal do what it would have done.
  const onSignal = (signal: NodeJS.Signals) => {
    stopAll();
    process.kill(process.pid, signal);
  };
  process.once('exit', stopAll).once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const cluster: Cluster = {
    root,
    primary,
    replica,
    bin,
    stop: async () => {
      process.removeListener('exit', stopAll).removeListener('SIGINT', onSignal).removeListener('SIGTERM', onSignal);
      stopAll();
    },
  };
  try {
    await cmd('initdb', [
      '-D',
      primary.data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    conf(primary, [
      "listen_addresses = '127.0.0.1'",
      `port = ${primary.port}`,
      `unix_socket_directories = '${root}'`,
      'fsync = off',
      'shared_buffers = 16MB',
      'max_connections = 40',
    ]);
    await cmd('pg_ctl', ['-D', primary.data, '-l', primary.log, '-w', '-t', '30', 'start']);
    const conninfo = `host=127.0.0.1 port=${primary.port} user=postgres application_name=${o.standbyName}`;
    await cmd('pg_basebackup', ['-d', conninfo, '-D', replica.data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    conf(replica, [`port = ${replica.port}`, `recovery_min_apply_delay = '${o.applyDelayMs}ms'`, 'hot_standby = on']);
    await cmd('pg_ctl', ['-D', replica.data, '-l', replica.log, '-w', '-t', '30', 'start']);
    await waitStreaming(primary.port, o.standbyName);
    return cluster;
  } catch (e) {
    const logs = `primary log:\n${tail(primary.log)}\nreplica log:\n${tail(replica.log)}`;
    await cluster.stop();
    throw new Error(`${(e as Error).message}\n${logs}`);
  }
}

/** Until the primary's pg_stat_replication shows the standby streaming (at most 20 s). */
async function waitStreaming(port: number, standby: string): Promise<void> {
  const c = connect(port);
  await c.connect();
  try {
    for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      const r = await c.query("SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'", [
        standby,
      ]);
      if (r.rowCount) return;
    }
    throw new Error(`standby ${standby} is not streaming after 20 s`);
  } finally {
    await c.end();
  }
}

/** A client on 127.0.0.1; every query is bounded (10 s) so that a misconfigured commit fails instead of hanging. */
export function connect(port: number): pg.Client {
  return new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
  });
}
