// The built CLI loads its command groups through V8's code cache (cli/code-cache.ts): made by the first run,
// taken by the next ones, made again when it does not fit, never needed for a command to work, and never read
// from a folder another user could write to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirectory } from '../../server/src/cli/code-cache';
import { ROOT, runBundle } from '../helpers/bundle';
import { runCli } from '../helpers/cli';

const args = ['check', 'samples/contradictions/quorum-overlap.consistency', '--format', 'json'];
const expected = runCli(args, ROOT, { NO_COLOR: '1' });

function withFolder(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-code-cache-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function check(cache: string) {
  const r = runBundle('cli', args, ROOT, { NO_COLOR: '1', CONSISTENCY_CODE_CACHE: cache });
  assert.equal(r.code, expected.code, r.stderr);
  assert.equal(r.stdout, expected.stdout);
  assert.equal(r.stderr, '');
}

const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.bin'));

test('the first run makes the analysis bundle its cache; the next run takes it, unchanged', () =>
  withFolder((dir) => {
    const cache = join(dir, 'cache');
    check(cache);
    const [file] = caches(cache);
    assert.match(file, /^cli-analysis-[0-9a-f]{16}\.bin$/);
    const made = statSync(join(cache, file));
    if (process.platform !== 'win32') assert.equal(made.mode & 0o077, 0, 'the cache is readable by its user only');
    check(cache);
    assert.deepEqual(caches(cache), [file], 'no other cache, no leftover temporary file');
    assert.equal(statSync(join(cache, file)).mtimeMs, made.mtimeMs, 'taken, not made again');
  }));

test("a new cache replaces the bundle's older ones (another version of it, or of Node)", () =>
  withFolder((dir) => {
    const cache = join(dir, 'cache');
    mkdirSync(cache, { mode: 0o700 });
    const stale = ['cli-analysis-0123456789abcdef.bin', 'cli-analysis-fedcba9876543210.bin'];
    for (const f of [...stale, 'cli-other-0123456789abcdef.bin']) writeFileSync(join(cache, f), 'old');
    check(cache);
    const now = caches(cache);
    assert.equal(now.filter((f) => f.startsWith('cli-analysis-')).length, 1);
    assert.ok(!stale.some((f) => now.includes(f)));
    assert.ok(now.includes('cli-other-0123456789abcdef.bin'), "another bundle's cache is its own business");
  }));

test('a cache that does not fit (damaged, or of another engine) is set aside and made again', () =>
  withFolder((dir) => {
    const cache = join(dir, 'cache');
    check(cache);
    const file = join(cache, caches(cache)[0]);
    writeFileSync(file, Buffer.alloc(4096, 7));
    check(cache);
    assert.notDeepEqual(readFileSync(file), Buffer.alloc(4096, 7));
  }));

test('no cache where it cannot be written or must not be read; the command works all the same', () =>
  withFolder((dir) => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    check(join(blocked, 'cache')); // a folder cannot be made under a file
    if (process.platform === 'win32') return;
    const open = join(dir, 'open');
    check(open);
    chmodSync(open, 0o777); // another user could plant a cache here: it is neither read nor written
    for (const f of caches(open)) writeFileSync(join(open, f), Buffer.alloc(64));
    check(open);
    for (const f of caches(open)) assert.deepEqual(readFileSync(join(open, f)), Buffer.alloc(64));
  }));

test('the cache folder: off, a path given, or the user cache folder', () => {
  assert.equal(cacheDirectory({ CONSISTENCY_CODE_CACHE: 'off' }), undefined);
  assert.equal(cacheDirectory({ CONSISTENCY_CODE_CACHE: '/x/y' }), '/x/y');
  assert.equal(cacheDirectory({ XDG_CACHE_HOME: '/c' }), join('/c', 'consistency-policies', 'code-cache'));
  assert.equal(cacheDirectory({ LOCALAPPDATA: 'L' }), join('L', 'consistency-policies', 'code-cache'));
});
