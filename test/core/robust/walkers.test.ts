// Walks a file can make long: a chain of imports and a chain of profiles extending each other are followed
// without recursion (no RangeError however long) and without rescanning the chain at each step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleFrom, type ImportEdge } from '../../../server/src/core/model/imports';
import { analyze } from '../../../server/src/core/pipeline';

test('a chain of 50,000 imports: every file seen, dependencies first, no RangeError', () => {
  const n = 50_000;
  const edges = (key: string): ImportEdge[] => {
    const i = Number(key.slice(1));
    return i + 1 < n ? [{ target: `f${i + 1}` } as ImportEdge] : [];
  };
  const seen = visibleFrom('f0', edges);
  assert.equal(seen.length, n - 1);
  assert.deepEqual([seen[0], seen[seen.length - 1]], [`f${n - 1}`, 'f1']);
});

test('import cycles: each file once', () => {
  const graph: Record<string, string[]> = { a: ['b', 'c'], b: ['a', 'c'], c: ['b', 'd'], d: [] };
  const edges = (key: string) => graph[key].map((target) => ({ target }) as ImportEdge);
  assert.deepEqual(visibleFrom('a', edges), ['d', 'c', 'b']);
});

test('2,000 profiles each extending the next are resolved, and the estimate reads the last one', () => {
  const n = 2_000;
  const blocks = Array.from({ length: n }, (_, i) =>
    i + 1 < n ? `profile acme${i} extends acme${i + 1} { title "acme${i}" }` : `profile acme${i} { inr-per-usd 90 }`,
  );
  const text = `${blocks.join('\n')}\nprofile acme0\ndata d { consistency eventual }\n`;
  const a = analyze([{ uri: 'file:///chain.consistency', text }]);
  assert.deepEqual(
    a.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  const e = a.estimate(a.model.data.get('d')!);
  assert.ok(
    e.assumptions.some((x) => /acme0/.test(JSON.stringify(x))),
    'the estimate names the profile',
  );
});
