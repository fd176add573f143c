// The command line against hostile inputs, in process (run(argv, ctx)): a file the checker fails on gives one
// internal-error and exit 3 while every other file's results are still printed (text, JSON, SARIF with the
// failure as a notification); FIFOs, links to devices and oversized files are refused unread (exit 2, the
// others checked); control characters from a policy or a file name never reach the terminal raw.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import type { CliContext } from '../../server/src/cli/context';
import { run } from '../../server/src/cli/main';
import type { JsonCheckDocument } from '../../server/src/cli/output/json';
import { coreEngine, type Engine } from '../../server/src/service/isolation';
import { CLEAN, ONE_ERROR, TOOL } from './report';

/** Parsing throws on a text holding `crash-parse`; any analysis that sees `crash-analysis` throws. */
const faulty: Engine = {
  parse: (text, uri) => {
    if (text.includes('crash-parse')) throw new RangeError('Maximum call stack size exceeded');
    return coreEngine.parse(text, uri);
  },
  analyze: (parsed, options, cache) => {
    const analysis = coreEngine.analyze(parsed, options, cache);
    const crash = [...analysis.documents.values()].some((d) => d.text.includes('crash-analysis'));
    if (crash) throw new TypeError("Cannot read properties of undefined (reading 'x')");
    return analysis;
  },
};

let dir = '';
function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd: dir,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    tool: TOOL,
    engine: faulty,
  };
  const code = run(argv, ctx);
  assert.equal(typeof code, 'number');
  return { code: code as number, stdout, stderr };
}

const hasFifo = spawnSync('mkfifo', ['--help']).status === 0;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-robust-'));
  const files: Record<string, string> = {
    'mixed/a-clean.consistency': CLEAN,
    'mixed/b-error.consistency': ONE_ERROR,
    'mixed/c-crash.consistency': `// crash-analysis\n${CLEAN}`,
    'parse/crash.consistency': `// crash-parse\n${CLEAN}`,
    'parse/fine.consistency': CLEAN,
    'special/fine.consistency': ONE_ERROR,
    'special/huge.consistency': `// ${'x'.repeat(5 * 1024 * 1024)}\n`,
    'escapes/bad.consistency': `import "\x1b]0;pwned\x07\x1b[2J\bx.consistency"\n${CLEAN}`,
    [`names/\x1b]0;title\x07.consistency`]: ONE_ERROR,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  symlinkSync('/dev/zero', join(dir, 'special/zero.consistency'));
  if (hasFifo) spawnSync('mkfifo', [join(dir, 'special/pipe.consistency')]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('a file the checker fails on', () => {
  test('human: exit 3, one internal-error on that file, every other file reported', () => {
    const r = cli('check', 'mixed');
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /^mixed\/b-error\.consistency:3:12: error unknown-reference: Unknown topology 'indai'/m);
    const internal = r.stdout.match(/^mixed\/c-crash\.consistency:1:1: error internal-error: .*$/gm) ?? [];
    assert.equal(internal.length, 1, r.stdout);
    assert.match(
      internal[0],
      /Internal error in analysing the file \(please report it with the file\): TypeError: Cannot read properties of undefined/,
    );
    assert.match(r.stdout, /2 errors in 2 of 3 files\./);
    assert.match(
      r.stderr,
      /internal error: the checker failed on mixed\/c-crash\.consistency; the other files' results/,
    );
  });

  test('a parse that throws: the same, and the file is still listed', () => {
    const r = cli('check', '--format', 'json', 'parse');
    assert.equal(r.code, 3);
    const doc = JSON.parse(r.stdout) as JsonCheckDocument;
    assert.deepEqual(
      doc.files.map((f) => [f.path, f.errors]),
      [
        ['parse/crash.consistency', 1],
        ['parse/fine.consistency', 0],
      ],
    );
    assert.deepEqual(
      doc.diagnostics.map((d) => [d.path, d.code]),
      [['parse/crash.consistency', 'internal-error']],
    );
    assert.match(
      doc.diagnostics[0].message,
      /Internal error in parsing the file .*: RangeError: Maximum call stack size exceeded\. Other checks still ran\./,
    );
  });

  test('JSON: exit 3, the other files’ diagnostics all there', () => {
    const r = cli('check', '--format', 'json', 'mixed');
    assert.equal(r.code, 3);
    const doc = JSON.parse(r.stdout) as JsonCheckDocument;
    assert.deepEqual(
      doc.diagnostics.map((d) => [d.path, d.code]),
      [
        ['mixed/b-error.consistency', 'unknown-reference'],
        ['mixed/c-crash.consistency', 'internal-error'],
      ],
    );
  });

  test('SARIF: exit 3, the other files’ results, the failure as a tool execution notification', () => {
    const r = cli('check', '--format', 'sarif', 'mixed');
    assert.equal(r.code, 3);
    const [sarifRun] = (JSON.parse(r.stdout) as Log).runs;
    assert.deepEqual(
      sarifRun.results?.map((x) => [x.locations?.[0].physicalLocation?.artifactLocation?.uri, x.ruleId]),
      [['mixed/b-error.consistency', 'unknown-reference']],
    );
    assert.equal(sarifRun.artifacts?.length, 3);
    const [invocation] = sarifRun.invocations ?? [];
    assert.equal(invocation.executionSuccessful, false);
    const [note] = invocation.toolExecutionNotifications ?? [];
    assert.equal(note.level, 'error');
    assert.equal(note.descriptor?.id, 'internal-error');
    assert.equal(note.locations?.[0].physicalLocation?.artifactLocation?.uri, 'mixed/c-crash.consistency');
  });

  test('a clean run has no invocation notifications, and the default engine checks the crash marker as a comment', () => {
    const r = cli('check', '--format', 'sarif', 'parse/fine.consistency');
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.stdout) as Log).runs[0].invocations, undefined);
  });
});

describe('files that are not read', () => {
  test('a folder with a FIFO, a link to /dev/zero and a 5 MB file: each refused with the reason, the rest checked, exit 2', () => {
    const r = cli('check', 'special');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /^special\/fine\.consistency:3:12: error unknown-reference/m);
    assert.match(r.stdout, new RegExp(`^1 error in 1 file; ${hasFifo ? 3 : 2} files not read\\.$`, 'm'));
    assert.match(
      r.stderr,
      /not reading special\/huge\.consistency: it is 5 MB, over the 4 MB limit for a policy file\./,
    );
    assert.match(
      r.stderr,
      /not reading special\/zero\.consistency: it is a symbolic link to a character device, not to a regular file\./,
    );
    if (hasFifo)
      assert.match(
        r.stderr,
        /not reading special\/pipe\.consistency: it is a FIFO \(named pipe\), not a regular file\./,
      );
  });

  test('given by name: /dev/zero and a FIFO are refused at once (exit 2), never read', () => {
    const zero = cli('check', '/dev/zero');
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /not reading \/dev\/zero: it is a character device, not a regular file\./);
    if (!hasFifo) return;
    const fifo = cli('check', 'special/pipe.consistency', 'special/fine.consistency');
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /not reading special\/pipe\.consistency: it is a FIFO/);
    assert.match(fifo.stdout, /special\/fine\.consistency:3:12/);
    for (const cmd of ['explain', 'export', 'simulate']) {
      const one = cli(cmd, 'special/pipe.consistency');
      assert.equal(one.code, 2, cmd);
      assert.match(one.stderr, /not reading .*pipe\.consistency: it is a FIFO/, cmd);
    }
  });

  test('JSON lists the refused files', () => {
    const r = cli('check', '--format', 'json', 'special');
    const doc = JSON.parse(r.stdout) as JsonCheckDocument;
    assert.deepEqual(doc.refused?.map((x) => x.path).sort(), [
      'special/huge.consistency',
      ...(hasFifo ? ['special/pipe.consistency'] : []),
      'special/zero.consistency',
    ]);
  });
});

describe('terminal-safe output', () => {
  const raw = /[\x00-\x08\x0b-\x1f\x7f]/;
  test('escape sequences, BEL and CR in a policy are shown as pictures in the message and the excerpt', () => {
    const r = cli('check', 'escapes');
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, raw);
    assert.doesNotMatch(r.stderr, raw);
    assert.match(r.stdout, /import "␛\]0;pwned␇␛\[2J␈x\.consistency"/);
    // The underline stays under the path: one column per escaped character.
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('1 | import'));
    assert.equal(lines[at + 1].indexOf('^'), lines[at].indexOf('"'));
  });

  test('a file name with control characters is escaped too, in every format meant for a terminal', () => {
    const r = cli('check', 'names');
    assert.doesNotMatch(r.stdout, raw);
    assert.match(r.stdout, /^names\/␛\]0;title␇\.consistency:3:12: error/m);
    const json = cli('check', '--format', 'json', 'names');
    assert.doesNotMatch(json.stdout, raw);
    assert.equal((JSON.parse(json.stdout) as JsonCheckDocument).files[0].path, 'names/\x1b]0;title\x07.consistency');
  });
});

test('explain: a file the checker fails on is named; the others are estimated; exit 3', () => {
  const r = cli('explain', 'mixed/a-clean.consistency', 'mixed/c-crash.consistency');
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stdout, /cart/);
  assert.match(r.stderr, /internal error: the checker failed on mixed\/c-crash\.consistency/);
});

test('SARIF with an internal failure and refused files still validates against the SARIF 2.1.0 schema', async () => {
  const { default: Ajv } = await import('ajv');
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const require = createRequire(join(process.cwd(), 'package.json'));
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  );
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  const validate = ajv.compile(schema);
  const r = cli('check', '--format', 'sarif', 'mixed', 'special');
  assert.equal(r.code, 3);
  const doc = JSON.parse(r.stdout) as Log;
  const notes = doc.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
  assert.deepEqual(notes.map((n) => n.descriptor?.id).sort(), [
    'file-not-read',
    'file-not-read',
    ...(hasFifo ? ['file-not-read'] : []),
    'internal-error',
  ]);
  assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});
