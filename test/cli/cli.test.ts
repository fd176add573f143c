// End-to-end tests of the built command line (out/cli.cjs, built once by scripts/run-tests.mjs before any
// test starts), run on temporary files.
import { runCli } from '../helpers/cli';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { allCodes } from '../../server/src/core/codes';
import { CLEAN, ONE_ERROR, ONE_WARNING } from './report';

const ROOT = resolve('.');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let dir = '';

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

const cli = (...args: string[]) => runCli(args, dir, { NO_COLOR: undefined });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-cli-'));
  write({
    'clean.consistency': CLEAN,
    'error.consistency': ONE_ERROR,
    'warning.consistency': ONE_WARNING,
    'duplicate.consistency': 'data d {\n  consistency eventual\n  consistency eventual\n}\n',
    'syntax.consistency': 'data d { consistency eventual ]] }\n',
    'tree/b/second.consistency': 'import "../a/first.consistency"\ndata ledger { topology shared tier gold }\n',
    'lonely/uses-shared.consistency': 'data audit_log { topology shared consistency eventual }\n',
    'lonely/broken-import.consistency': 'import "../nowhere.consistency"\ndata x { consistency eventual }\n',
    'tree/a/first.consistency': 'topology shared { region mumbai { primary } }\ntier gold { consistency strong }\n',
    'tree/node_modules/pkg/ignored.consistency': 'this is not valid',
    'tree/notes.txt': 'not a policy',
    'empty/readme.md': '',
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('consistency check', () => {
  test('a clean file: exit 0', () => {
    const r = cli('check', 'clean.consistency');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'No problems in 1 file.\n');
  });

  test('an error: exit 1, file:line:col, the underlined excerpt, the fix and the summary', () => {
    const r = cli('check', 'error.consistency');
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      `error.consistency:3:12: error unknown-reference: Unknown topology 'indai'. Did you mean 'india'?
  3 |   topology indai
    |            ^~~~~
  fix: Change to 'india'

1 error in 1 file.
`,
    );
  });

  test('warnings do not fail, unless there are more than --max-warnings', () => {
    assert.equal(cli('check', 'warning.consistency').code, 0);
    assert.equal(cli('check', '--max-warnings', '1', 'warning.consistency').code, 0);
    const r = cli('check', '--max-warnings=0', 'warning.consistency');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /1 warning in 1 file/);
    assert.match(r.stderr, /too many warnings \(1; --max-warnings allows 0 warnings\)/);
  });

  test('--rule re-levels or turns off a rule', () => {
    assert.equal(cli('check', '--rule', 'unknown-reference=warning', 'error.consistency').code, 0);
    assert.equal(
      cli('check', '--rule', 'missing-consistency=off', '--max-warnings', '0', 'warning.consistency').stdout,
      'No problems in 1 file.\n',
    );
    // Parser and model codes are in the same registry: they can be re-levelled too.
    assert.equal(
      cli('check', '--rule', 'duplicate-property=off', '--max-warnings', '0', 'duplicate.consistency').stdout,
      'No problems in 1 file.\n',
    );
    assert.equal(cli('check', '--rule', 'syntax-unexpected-character=warning', 'syntax.consistency').code, 0);
  });

  test('usage errors: exit 2 with a clear message on stderr', () => {
    const cases: [string[], RegExp][] = [
      [['check', 'missing.consistency'], /^consistency: no such file or directory: missing\.consistency\n$/],
      [['check', '--formt', 'json', 'clean.consistency'], /unknown option '--formt'\. Did you mean '--format'\?/],
      [['check', '--format', 'xml', 'clean.consistency'], /--format must be one of human, json, sarif \(got 'xml'\)/],
      [['check', '--max-warnings', 'many', 'clean.consistency'], /--max-warnings needs a whole number/],
      [['check', '--rule', 'no-such-rule=off', 'clean.consistency'], /unknown code 'no-such-rule'/],
      [['check'], /check needs at least one file or directory/],
      [['check', 'empty'], /no \.consistency files in empty/],
      [['chek', 'clean.consistency'], /unknown command 'chek'\. Did you mean 'check'\?/],
      [[], /Usage: consistency <command>/],
      [['help', 'nothing'], /no help on 'nothing'/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      assert.equal(r.code, 2, `consistency ${args.join(' ')}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  test('directories: searched recursively and in order, node_modules and other files skipped; a file sees what it imports', () => {
    const r = cli('check', '--format', 'json', 'tree');
    assert.equal(r.code, 0, r.stdout);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(
      doc.files.map((f: { path: string }) => f.path),
      ['tree/a/first.consistency', 'tree/b/second.consistency'],
    );
  });

  test('cross-file references: a file sees what it imports (read from disk when not given), and nothing else', () => {
    const r = cli('check', 'tree/b/second.consistency');
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stdout, 'No problems in 2 files.\n');
    // Given together, unrelated files still do not see each other; the message says which file to import.
    const lonely = cli('check', 'lonely/uses-shared.consistency', 'tree');
    assert.equal(lonely.code, 1);
    assert.match(
      lonely.stdout,
      /^lonely\/uses-shared\.consistency:1:27: error unknown-reference: Unknown topology 'shared'\. A topology 'shared' is declared in \.\.\/tree\/a\/first\.consistency, which this file does not import/m,
    );
    assert.match(lonely.stdout, /fix: Add `import "\.\.\/tree\/a\/first\.consistency"`/);
    const broken = cli('check', 'lonely/broken-import.consistency');
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /error unknown-import: `import "\.\.\/nowhere\.consistency"`: no such file/);
  });

  test('--format json: the stable document with 1-based ranges', () => {
    const r = cli('check', '--format', 'json', 'error.consistency', 'tree/a/first.consistency');
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.schema, 'consistency-check/1');
    assert.deepEqual(doc.tool, { name: 'consistency', version: VERSION });
    assert.deepEqual(doc.summary, { files: 2, errors: 1, warnings: 0, infos: 0, hints: 0 });
    const [d] = doc.diagnostics;
    assert.equal(d.code, 'unknown-reference');
    assert.equal(d.path, 'error.consistency');
    assert.match(d.uri, /^file:\/\/.*\/error\.consistency$/);
    assert.deepEqual([d.range.start.line, d.range.start.column, d.range.end.line, d.range.end.column], [3, 12, 3, 17]);
    assert.equal(d.fixes[0].edits[0].newText, 'india');
  });

  test('--format sarif: SARIF 2.1.0 with the rule table, relative locations and 1-based regions', () => {
    const r = cli('check', '--format', 'sarif', 'error.consistency');
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.version, '2.1.0');
    assert.match(doc.$schema, /sarif-2\.1\.0/);
    const { driver } = doc.runs[0].tool;
    assert.equal(driver.name, 'consistency');
    assert.equal(driver.version, VERSION);
    assert.ok(driver.informationUri);
    for (const code of allCodes)
      assert.ok(
        driver.rules.some((x: { id: string }) => x.id === code),
        code,
      );
    const help = driver.rules.find((x: { id: string }) => x.id === 'duplicate-property').helpUri;
    assert.match(help, /^file:\/\/.*\/docs\/rules\.md#duplicate-property$/);
    const [result] = doc.runs[0].results;
    assert.equal(result.ruleId, 'unknown-reference');
    assert.equal(result.level, 'error');
    assert.equal(result.message.text, "Unknown topology 'indai'. Did you mean 'india'?");
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'error.consistency', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 17 },
    });
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'india');
  });
});

describe('consistency explain', () => {
  test('per file a table of estimates, the level and replication under each row, the assumptions, a summary', () => {
    const r = cli('explain', 'clean.consistency');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const [file, , header, rule, row, detail] = r.stdout.split('\n');
    assert.equal(file, 'clean.consistency — profile india-2024, INR');
    assert.match(header, /^data type +read p50\/p99 +write p50\/p99 +lag +availability +per month +per op$/);
    assert.match(rule, /^-+( +-+){6}$/);
    assert.match(
      row,
      /^cart +[\d.]+ \/ [\d.]+ ms +[\d.]+ \/ [\d.]+ ms +[\d.]+ ms +[\d.]+% +₹[\d,.]+( lakh| crore)? +\S+$/,
    );
    assert.equal(detail, '  eventual · async (assumed)');
    assert.match(r.stdout, /\nAssumptions\n {2}every data type:\n {4}- /);
    assert.match(r.stdout, /\nEstimated 1 data type in 1 file \(profile india-2024\)\.\n$/);
    for (const line of r.stdout.split('\n')) assert.ok([...line].length <= 100, line);
  });

  test('--format json; exit 1 and a note on stderr when the files have errors', () => {
    const r = cli('explain', '--format', 'json', 'tree', 'error.consistency');
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.schema, 'consistency-explain/1');
    assert.deepEqual(
      doc.data.map((d: { name: string }) => d.name),
      ['cart', 'ledger'],
    );
    const ledger = doc.data[1];
    assert.equal(ledger.level, 'strong (linearizable)');
    assert.equal(ledger.path, 'tree/b/second.consistency');
    assert.equal(r.code, 1, 'the files have an error');
    if (ledger.estimate) assert.equal(typeof ledger.estimate.monthlyCost, 'number');
    assert.ok(doc.assumptions.length > 0);
    assert.match(
      r.stderr,
      /1 error in these files: the estimates may not mean much .*consistency check tree error\.consistency/,
    );
  });
});

describe('help and version', () => {
  test('--help, help <command>, help rules, --version', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = cli(...args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: consistency <command>/);
    }
    assert.match(cli('help', 'check').stdout, /--max-warnings <n>/);
    assert.match(cli('check', '--help').stdout, /--format <human\|json\|sarif>/);
    assert.match(cli('help', 'explain').stdout, /^Usage: consistency explain/);
    assert.match(cli('help', 'rules').stdout, /\n  unknown-reference +error +A tier, topology/);
    assert.equal(cli('--version').stdout, `${VERSION}\n`);
  });
});
