// The command line's edges, as a newcomer meets them: every bad argument and file gets what was wrong, where,
// and how to fix it (exit 2); non-policy files are refused unless --force; a file that declares nothing is
// reported; explain and simulate exit 1 on input with errors; paths print as given; output fits COLUMNS.
import { runCli } from '../helpers/cli';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEAN, ONE_ERROR } from './report';

let dir = '';
const cli = (...args: string[]) => runCli(args, dir, { NO_COLOR: '1' });
const cliAt = (columns: string, ...args: string[]) => runCli(args, dir, { NO_COLOR: '1', COLUMNS: columns });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-edges-'));
  const files: Record<string, string> = {
    'clean.consistency': CLEAN,
    'error.consistency': ONE_ERROR,
    'empty.consistency': '',
    'comments.consistency': '// nothing yet\n/* to do */\n',
    'README.md': '# A readme\n\nNot a policy.\n',
  };
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text, { flag: 'w' });
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('bad arguments: what, where, how to fix; exit 2', () => {
  const cases: [string[], RegExp][] = [
    [
      ['simulate', 'clean.consistency', '--seed', '-1'],
      /^consistency: --seed needs a whole number from 0 to 4294967295 \(got '-1'\)\.\n$/,
    ],
    [
      ['simulate', 'clean.consistency', '--seed'],
      /--seed needs a value: a whole number from 0 to 4294967295, e\.g\. --seed 42\. Run 'consistency help simulate'\./,
    ],
    [
      ['export', 'clean.consistency', '-o'],
      /-o\/--output needs a value: a file path, e\.g\. -o policy\.ts, or '-' for stdout\. Run 'consistency help export'\./,
    ],
    [['check', '--json', 'clean.consistency'], /check: unknown option '--json'\. Did you mean '--format json'\?/],
    [['explain', '--sarif', 'clean.consistency'], /Did you mean '--format sarif'\?/],
    [['check', '--force=yes', 'clean.consistency'], /--force takes no value/],
    [['check', 'README.md'], /README\.md is not a policy file \(policy files end in \.consistency\)\. .*pass --force/],
    [['explain', 'README.md'], /README\.md is not a policy file/],
    [['simulate', 'README.md'], /README\.md is not a policy file/],
    [['export', 'README.md'], /README\.md is not a policy file/],
    [
      ['export', 'clean.consistency', '-o', 'nodir/x.ts'],
      /-o nodir\/x\.ts: no such directory .*nodir\. Create it first, or give another -o path\./,
    ],
  ];
  for (const [args, message] of cases) {
    test(`consistency ${args.join(' ')}`, () => {
      const r = cli(...args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  test('simulate --format json is --json; --seed=-1 is read as a value too', () => {
    const r = cli('simulate', 'clean.consistency', '--format', 'json', '--ops', '100');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).schema, 'consistency-simulate/2');
    assert.match(cli('simulate', 'clean.consistency', '--seed=-1').stderr, /--seed needs a whole number/);
  });
});

describe('files', () => {
  test('--force reads a non-policy file as a policy (and reports what it finds)', () => {
    const r = cli('check', '--force', 'README.md');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^README\.md:1:1: error syntax-/m);
  });

  test('a file that declares nothing is reported: a warning line, counted by --max-warnings', () => {
    const r = cli('check', 'empty.consistency', 'comments.consistency', 'clean.consistency');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      'comments.consistency: warning: declares nothing (an empty file)\n\n' +
        'empty.consistency: warning: declares nothing (an empty file)\n\n' +
        'No problems in 3 files; 2 files declaring nothing.\n',
    );
    assert.equal(cli('check', '--max-warnings', '0', 'empty.consistency').code, 1);
    const json = cli('check', '--format', 'json', 'empty.consistency');
    assert.match(json.stderr, /warning: empty\.consistency declares nothing/);
    assert.equal(cli('simulate', 'empty.consistency').code, 1);
    assert.match(
      cli('simulate', 'empty.consistency').stderr,
      /declares no data types or scenarios: nothing to simulate/,
    );
  });

  test('explain and simulate exit 1 when the input has errors, and say how to see them', () => {
    const e = cli('explain', 'error.consistency');
    assert.equal(e.code, 1);
    assert.match(e.stderr, /1 error in these files: .*see `consistency check error\.consistency`/);
    const s = cli('simulate', 'error.consistency', '--ops', '100');
    assert.equal(s.code, 1);
    assert.match(s.stderr, /1 error in error\.consistency: .*see `consistency check error\.consistency`/);
    assert.match(s.stdout, /Simulated 1 data type/);
  });

  test('paths print as given: absolute stays absolute, relative stays relative', () => {
    const abs = join(dir, 'error.consistency');
    assert.match(cli('check', abs).stdout, new RegExp(`^${abs.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:12: error`));
    assert.match(cli('check', 'error.consistency').stdout, /^error\.consistency:3:12: error/);
    assert.equal(JSON.parse(cli('check', '--format', 'json', abs).stdout).files[0].path, abs);
  });

  test('an unwritable -o path is refused with the reason and what to do', () => {
    // As root every ordinary directory is writable: /sys is not, even for root.
    const root = process.getuid?.() === 0;
    if (!root) {
      mkdirSync(join(dir, 'ro'), { recursive: true });
      chmodSync(join(dir, 'ro'), 0o555);
    }
    const target = root ? '/sys/consistency-test.ts' : 'ro/x.ts';
    const r = cli('export', 'clean.consistency', '-o', target);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^consistency: not writing \S+: permission denied \(EACCES\)\. Give a writable -o path, or -o - for stdout\.\n$/,
    );
  });
});

describe('width', () => {
  test('explain and simulate fit COLUMNS (80, 60, 40), and 100 without it', () => {
    for (const columns of ['80', '60', '40', undefined]) {
      const width = Number(columns ?? 100);
      for (const args of [
        ['explain', 'clean.consistency'],
        ['simulate', 'clean.consistency', '--ops', '100'],
      ]) {
        const r = columns ? cliAt(columns, ...args) : cli(...args);
        assert.equal(r.code, 0, r.stderr);
        for (const line of r.stdout.split('\n'))
          assert.ok([...line].length <= width, `${args[0]} at ${width}: ${line}`);
      }
    }
  });
});
