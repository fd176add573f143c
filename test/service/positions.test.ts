// Offsets ↔ LSP positions: line breaks of every kind and characters outside the BMP (UTF-16 code units).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/util/range';
import { toCoreRange, toOffset, toPosition, toRange } from '../../server/src/service/positions';

test('positions count UTF-16 code units, after \\n, \\r\\n and \\r', () => {
  const text = 'a\r\n😀b\rc\nd';
  const lines = new LineIndex(text);
  assert.deepEqual(toPosition(lines, text.indexOf('b')), { line: 1, character: 2 });
  assert.deepEqual(toPosition(lines, text.indexOf('c')), { line: 2, character: 0 });
  assert.deepEqual(toRange(lines, { start: 0, end: text.length }), {
    start: { line: 0, character: 0 },
    end: { line: 3, character: 1 },
  });
  assert.equal(toOffset(lines, { line: 1, character: 2 }), text.indexOf('b'));
  assert.equal(toOffset(lines, { line: 0, character: 99 }), 1, 'clamped to the end of the line, before its break');
  assert.equal(toOffset(lines, { line: 9, character: 0 }), text.length, 'clamped to the text');
  assert.deepEqual(toCoreRange(lines, { start: { line: 1, character: 0 }, end: { line: 2, character: 1 } }), {
    start: 3,
    end: 8,
  });
});
