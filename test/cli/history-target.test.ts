// `simulate --history` writes only where `export` would: never over a policy file, never through a symbolic
// link, never outside the working directory unless the path is absolute or --force is given, never over a
// file it did not write unless forced; an unwritable place is a clear message. Each refusal is exit 2, before
// anything runs. In process, simulations inline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../server/src/cli/context';
import { run } from '../../server/src/cli/main';
import { CLEAN, TOOL } from './report';

let root = '';
let dir = '';
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd: dir,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    tool: TOOL,
  };
  const code = await run(['simulate', 'p.consistency', '--ops', '50', ...argv], ctx);
  return { code, stdout, stderr };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'consistency-history-'));
  dir = join(root, 'work');
  mkdirSync(dir);
  writeFileSync(join(dir, 'p.consistency'), CLEAN);
  writeFileSync(join(dir, 'other.consistency'), CLEAN);
  writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
  symlinkSync(join(root, 'target.jsonl'), join(dir, 'link.jsonl'));
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('--history follows export’s rules', () => {
  const refusals: [string[], RegExp][] = [
    [
      ['--history', 'p.consistency'],
      /--history p\.consistency: not writing there: it is a policy file \(\.consistency\)/,
    ],
    [['--history', 'other.consistency', '--force'], /it is a policy file/],
    [['--history', 'link.jsonl'], /--history link\.jsonl: not writing there: it is a symbolic link\./],
    [
      ['--history', '../outside.jsonl'],
      /it is outside the working directory .*work\. Give an absolute path, or --force/,
    ],
    [
      ['--history', 'notes.txt'],
      /notes\.txt: not writing there: it exists and was not written by this command\. Pass --force/,
    ],
    [['--history', 'nodir/h.jsonl'], /no such directory .*nodir\. Create it first\./],
    [['--history', '.'], /it is a directory; give a file path\./],
    [
      ['--history', '/proc/h.jsonl'],
      /--history \/proc\/h\.jsonl: not writing there: no file can be made there \(ENOENT\)\. Give a writable path\./,
    ],
  ];
  for (const [args, message] of refusals) {
    test(args.join(' '), async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '', 'refused before running');
    });
  }

  test('nothing was written through the link or over the files', () => {
    assert.equal(existsSync(join(root, 'target.jsonl')), false);
    assert.equal(existsSync(join(root, 'outside.jsonl')), false);
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'my notes\n');
    assert.equal(readFileSync(join(dir, 'p.consistency'), 'utf8'), CLEAN);
  });

  test('inside: written, and written again over its own history; outside with --force or an absolute path', async () => {
    assert.equal((await cli('--history', 'h.jsonl')).code, 0);
    assert.match(readFileSync(join(dir, 'h.jsonl'), 'utf8'), /^\{"type":"header","format":"consistency-history\/1"/);
    assert.equal((await cli('--history', 'h.jsonl')).code, 0);
    assert.equal((await cli('--history', '../outside.jsonl', '--force')).code, 0);
    assert.equal((await cli('--history', join(root, 'abs.jsonl'))).code, 0);
    assert.ok(existsSync(join(root, 'outside.jsonl')) && existsSync(join(root, 'abs.jsonl')));
    assert.equal((await cli('--history', 'notes.txt', '--force')).code, 0);
  });
});

test('export never writes over a policy file either, even with --force', async () => {
  let stderr = '';
  const ctx: CliContext = {
    cwd: dir,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    out: () => {},
    err: (t) => void (stderr += t),
    tool: TOOL,
  };
  const code = await run(['export', 'p.consistency', '-o', 'other.consistency', '--force'], ctx);
  assert.equal(code, 1);
  assert.match(stderr, /not writing other\.consistency: it is a policy file \(\.consistency\), even with --force\./);
  assert.equal(readFileSync(join(dir, 'other.consistency'), 'utf8'), CLEAN);
});
