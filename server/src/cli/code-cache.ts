// A command group's bundle loaded through V8's code cache: the bytecode of every function a run compiled is
// kept per user and read back by the next run, so a check does not parse and compile the analysis again
// (shipped bundles, alternating in one run: 5,000-line check 366 → 331 ms, 10-line 210 → 177 ms). V8 takes a
// cache only if it was made from the same source by the same engine with the same flags; otherwise the bundle
// compiles as usual and the cache is made again. Reading or writing a cache never fails a command: any error
// leaves the bundle compiled the usual way. CONSISTENCY_CODE_CACHE=off turns it off; a path puts it there.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Where caches go: CONSISTENCY_CODE_CACHE, else the user's cache folder; undefined when turned off. */
export function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.CONSISTENCY_CODE_CACHE;
  if (setting === 'off') return undefined;
  if (setting) return setting;
  const base = env.LOCALAPPDATA ?? env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'consistency-policies', 'code-cache');
}

/**
 * Whether a folder may hold caches to run: a cache is code, so on POSIX the folder must be the user's own and
 * writable by no one else (a cache planted by another user would run as this one).
 */
function ownFolder(dir: string): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const s = statSync(dir);
  return s.isDirectory() && s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

/** `module.exports` of the CommonJS bundle `file` (self-contained: it requires only Node's own modules). */
export function requireCached(file: string, env: NodeJS.ProcessEnv): unknown {
  const source = readFileSync(file, 'utf8');
  const dir = cacheDirectory(env);
  let cacheFile: string | undefined;
  let cached: Buffer | undefined;
  try {
    if (dir) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (ownFolder(dir)) {
        const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex');
        cacheFile = join(dir, `${basename(file, '.cjs')}-${key.slice(0, 16)}.bin`);
        cached = readFileSync(cacheFile);
      }
    }
  } catch {
    cached = undefined; // none yet, or unreadable: compiled as usual
  }
  // The bundle's shebang line is blanked (lines keep their numbers); the wrapper is CommonJS's own.
  const body = source.startsWith('#!') ? source.slice(source.indexOf('\n')) : source;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${body}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData: cached });
  const mod = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  if (cacheFile && (cached === undefined || script.cachedDataRejected)) {
    const target = cacheFile;
    // At exit, so the cache holds every function the command compiled, not only the bundle's top level.
    process.once('exit', () => writeCache(target, () => script.createCachedData()));
  }
  return mod.exports;
}

/** Writes a bundle's cache and removes its older ones (of other versions of the bundle or of Node). */
function writeCache(target: string, data: () => Buffer): void {
  try {
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, data(), { mode: 0o600 });
    renameSync(temporary, target); // whole or not at all, whatever other runs do at the same time
    const dir = dirname(target);
    const name = basename(target);
    const bundle = name.slice(0, -'-0123456789abcdef.bin'.length);
    for (const f of readdirSync(dir))
      if (f !== name && f.length === name.length && f.startsWith(`${bundle}-`) && /-[0-9a-f]{16}\.bin$/.test(f))
        unlinkSync(join(dir, f));
  } catch {
    // a cache that cannot be written is only a slower next start
  }
}
