import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipLine, excerpt, formatHuman, summaryLine } from '../../server/src/cli/output/human';
import { CLEAN, ONE_ERROR, ONE_WARNING, reportFor } from './report';
import { pathToUri } from '../../server/src/cli/files';

test('prints path:line:col, severity, code, message, the underlined line, the fix and a summary', () => {
  assert.equal(
    formatHuman(reportFor({ 'policies/a.consistency': ONE_ERROR })),
    `policies/a.consistency:3:12: error unknown-reference: Unknown topology 'indai'. Did you mean 'india'?
  3 |   topology indai
    |            ^~~~~
  fix: Change to 'india'

1 error in 1 file.
`,
  );
});

test('a clean run says so, with the number of files', () => {
  assert.equal(
    formatHuman(reportFor({ 'a.consistency': CLEAN, 'b.consistency': 'tier gold { consistency strong }' })),
    'No problems in 2 files.\n',
  );
});

test('the summary counts errors and warnings and the files that have them', () => {
  const report = reportFor({
    'a.consistency': ONE_ERROR.replace(/cart/g, 'cart1'),
    'b.consistency': ONE_WARNING.replace('topology india {', 'topology india2 {').replace(
      'topology india\n',
      'topology india2\n',
    ),
    'c.consistency': 'tier gold { consistency strong }',
  });
  assert.deepEqual(
    report.diagnostics.map((d) => d.code),
    ['unknown-reference', 'missing-consistency'],
  );
  assert.equal(summaryLine(report), '1 error, 1 warning in 2 of 3 files.');
});

test('colour only when asked: ANSI escapes around severity, path and underline', () => {
  const report = reportFor({ 'a.consistency': ONE_ERROR });
  assert.doesNotMatch(formatHuman(report), /\x1b\[/);
  const coloured = formatHuman(report, { color: true });
  assert.match(coloured, /\x1b\[31merror\x1b\[39m/);
  assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), formatHuman(report));
});

test('related places are printed as notes, paths relative to the working directory (also outside it)', () => {
  const report = reportFor({ 'a.consistency': ONE_ERROR });
  const outside = pathToUri('/elsewhere/b.consistency');
  report.texts.set(outside, 'line one\nline two');
  report.diagnostics[0].related = [{ uri: outside, range: { start: 14, end: 17 }, message: 'declared here' }];
  assert.match(formatHuman(report), /\n  note: \.\.\/elsewhere\/b\.consistency:2:6: declared here\n/);
});

test('excerpt: a caret for an empty range, tildes after it, tabs kept aligned', () => {
  assert.deepEqual(excerpt('data x {', 7, 8, 8), ['  7 | data x {', '    |         ^']);
  assert.deepEqual(excerpt('\tconsistency stron', 12, 13, 18), [
    '  12 |  consistency stron',
    '     |              ^~~~~',
  ]);
  assert.deepEqual(excerpt('', 1, 0, 0), ['  1 |', '    | ^']);
});

test('excerpt: a range over several lines is underlined to the end of its first line', () => {
  const report = reportFor({ 'a.consistency': ONE_ERROR });
  report.diagnostics[0].range = { start: ONE_ERROR.indexOf('data'), end: ONE_ERROR.length };
  assert.match(formatHuman(report), /  2 \| data cart \{\n    \| \^~~~~~~~~~~\n/);
});

test('clipLine keeps the range in view and marks the cut ends', () => {
  const line = 'a'.repeat(100) + 'TARGET' + 'b'.repeat(100);
  const c = clipLine(line, 100, 106, 40);
  assert.equal(c.text, '…' + 'a'.repeat(13) + 'TARGET' + 'b'.repeat(21) + '…');
  assert.equal(c.text.slice(c.start, c.end), 'TARGET');
  assert.deepEqual(clipLine('short', 1, 3, 40), { text: 'short', start: 1, end: 3 });
  const atEnd = clipLine(line, 200, 206, 40);
  assert.equal(atEnd.text.slice(atEnd.start, atEnd.end), 'bbbbbb');
  assert.ok(!atEnd.text.endsWith('…'));
});
