// The last guard on everything the CLI writes: what a policy could use to drive a terminal (OSC titles, screen
// clears, BEL, C1 controls, direction overrides) is escaped; the CLI's own colours, the progress bar's CR and
// erase-line, line feeds and tabs pass; JSON keeps its meaning (the escapes are JSON escapes of the same text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControls, guardOutput } from '../../server/src/cli/output/safe-text';
import { progressClear, progressFrame } from '../../server/src/cli/output/simulate-table';
import { makeStyle } from '../../server/src/cli/output/style';

const hostile = 'a\x1b]0;pwned\x07b\x1b[2Jc\x1bcd\x08e\x7ff\u009bg\u202eh';

test('terminal control from a policy is escaped; nothing raw is left', () => {
  const out = guardOutput(hostile);
  assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
  assert.equal(out, 'a␛]0;pwned␇b␛[2Jc␛cd␈e\\u007ff\\u009bg\\u202eh');
});

test("the CLI's own codes pass: colours, the progress bar's CR and erase-line, line feeds, tabs", () => {
  const style = makeStyle(true);
  const ours = `${style.bold(style.red('error'))}\tx\n${progressFrame(0.5, 'run')}${progressClear}`;
  assert.equal(guardOutput(ours), ours);
});

test('JSON means the same after the guard', () => {
  const doc = { message: hostile, path: 'names/\x1b]0;t\x07.consistency' };
  const json = JSON.stringify(doc, null, 2);
  assert.deepEqual(JSON.parse(guardOutput(json)), doc);
});

test('excerpts: one picture per control character, so the underline below stays aligned', () => {
  const line = 'import "\x1b[2J\x07x.consistency"';
  assert.equal(escapeControls(line, false).length, line.length);
  assert.equal(escapeControls('a\nb', true), 'a\nb');
  assert.equal(escapeControls('a\nb', false), 'a␊b');
});
