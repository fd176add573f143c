import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, explainDocument, formatJson } from '../../server/src/cli/output/json';
import { CWD, ONE_ERROR, ONE_WARNING, reportFor, TOOL, uriOf } from './report';
import { fakeEstimate } from './estimate-fixture';

test('check JSON: schema, tool, summary, files and each diagnostic with 1-based line/column ranges', () => {
  const report = reportFor({ 'a.consistency': ONE_ERROR, 'b.consistency': 'tier gold { consistency strong }' });
  const doc = JSON.parse(formatJson(report, TOOL));
  assert.equal(doc.schema, 'consistency-check/1');
  assert.deepEqual(doc.tool, { name: 'consistency', version: '9.9.9' });
  assert.deepEqual(doc.summary, { files: 2, errors: 1, warnings: 0, infos: 0, hints: 0 });
  assert.deepEqual(doc.files, [
    { path: 'a.consistency', uri: uriOf('a.consistency'), errors: 1, warnings: 0, infos: 0, hints: 0 },
    { path: 'b.consistency', uri: uriOf('b.consistency'), errors: 0, warnings: 0, infos: 0, hints: 0 },
  ]);
  const start = ONE_ERROR.indexOf('indai');
  const range = { start: { line: 3, column: 12, offset: start }, end: { line: 3, column: 17, offset: start + 5 } };
  assert.deepEqual(doc.diagnostics, [
    {
      code: 'unknown-reference',
      severity: 'error',
      path: 'a.consistency',
      uri: uriOf('a.consistency'),
      range,
      message: "Unknown topology 'indai'. Did you mean 'india'?",
      fixes: [
        {
          title: "Change to 'india'",
          edits: [{ path: 'a.consistency', uri: uriOf('a.consistency'), range, newText: 'india' }],
        },
      ],
      related: [],
    },
  ]);
});

test('check JSON: related places are located like diagnostics; keys come in a fixed order', () => {
  const report = reportFor({ 'x/a.consistency': ONE_WARNING });
  report.diagnostics[0].related = [
    { uri: uriOf('x/a.consistency'), range: { start: 0, end: 8 }, message: 'the topology' },
  ];
  const doc = checkDocument(report, TOOL);
  assert.deepEqual(doc.diagnostics[0].related, [
    {
      path: 'x/a.consistency',
      uri: uriOf('x/a.consistency'),
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 9, offset: 8 } },
      message: 'the topology',
    },
  ]);
  assert.deepEqual(Object.keys(doc), ['schema', 'tool', 'summary', 'files', 'diagnostics']);
  assert.deepEqual(Object.keys(doc.diagnostics[0]), [
    'code',
    'severity',
    'path',
    'uri',
    'range',
    'message',
    'fixes',
    'related',
  ]);
});

test('explain JSON: one entry per data type with its estimate or error, assumptions numbered once', () => {
  const doc = explainDocument(
    {
      files: [uriOf('a.consistency')],
      cwd: CWD,
      rows: [
        {
          name: 'cart',
          uri: uriOf('a.consistency'),
          level: 'eventual',
          replication: 'async',
          profile: 'india-2024',
          estimate: fakeEstimate('cart', ['A', 'B']),
        },
        {
          name: 'ledger',
          uri: uriOf('a.consistency'),
          level: 'strong (linearizable)',
          replication: 'sync',
          profile: 'india-2024',
          estimate: fakeEstimate('ledger', ['B', 'C']),
        },
        { name: 'broken', uri: uriOf('a.consistency'), profile: 'india-2024', error: 'no estimate' },
      ],
    },
    TOOL,
  );
  assert.equal(doc.schema, 'consistency-explain/1');
  assert.deepEqual(doc.files, [{ path: 'a.consistency', uri: uriOf('a.consistency') }]);
  assert.deepEqual(doc.profiles, ['india-2024']);
  assert.deepEqual(doc.assumptions, ['A', 'B', 'C']);
  assert.deepEqual(
    doc.data.map((d) => d.assumptions),
    [[1, 2], [2, 3], []],
  );
  assert.equal(doc.data[1].estimate?.monthlyCost, 100000);
  assert.deepEqual(
    { ...doc.data[2] },
    {
      name: 'broken',
      path: 'a.consistency',
      uri: uriOf('a.consistency'),
      level: null,
      replication: null,
      profile: 'india-2024',
      estimate: null,
      error: 'no estimate',
      assumptions: [],
    },
  );
});
