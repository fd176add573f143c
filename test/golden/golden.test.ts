// Golden tests: every samples/**/*.consistency is analysed alone and its diagnostics (code, severity,
// 1-based "L:C-L:C" range, message) are compared with test/golden/diagnostics/<path under samples>.json.
// A missing golden file fails the test (a new sample needs its golden reviewed); UPDATE_GOLDEN=1 writes them all. Clean samples must have no
// diagnostics; each contradictions sample must have an error and report every code its header lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { filesUnder } from '../helpers/files';
import { analyze } from '../../server/src/core/pipeline';
import { LineIndex } from '../../server/src/core/util/range';

const SAMPLES = 'samples';
const GOLDEN = 'test/golden/diagnostics';
const update = process.env.UPDATE_GOLDEN === '1';

interface Golden {
  code: string;
  severity: string;
  range: string;
  message: string;
}

function normalise(text: string, path: string): Golden[] {
  const index = new LineIndex(text);
  const at = (offset: number) => {
    const p = index.position(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  return analyze([{ uri: `file:///${path}`, text }]).diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    range: `${at(d.range.start)}-${at(d.range.end)}`,
    message: d.message,
  }));
}

/** The comment lines a sample starts with. */
function header(text: string): string {
  const end = text.search(/^[^/\n]/m);
  return end < 0 ? text : text.slice(0, end);
}

/** Codes a contradictions sample promises in its header: the first word of each `//   - code …` line. */
function promised(text: string): string[] {
  return [...header(text).matchAll(/^\/\/\s+- ([a-z][a-z-]*[a-z])\b/gm)].map((m) => m[1]);
}

const samples = filesUnder(SAMPLES, '.consistency');

test('there are clean samples and contradiction samples', () => {
  assert.ok(samples.some((s) => s.includes('/clean/')));
  assert.ok(samples.some((s) => s.includes('/contradictions/')));
});

for (const sample of samples) {
  const rel = relative(SAMPLES, sample);
  test(`golden: ${rel}`, (t) => {
    const text = readFileSync(sample, 'utf8');
    const actual = normalise(text, sample);
    const goldenPath = join(GOLDEN, `${rel}.json`);
    assert.ok(
      update || existsSync(goldenPath),
      `no golden ${goldenPath}: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs golden, and review it`,
    );
    if (update) {
      mkdirSync(dirname(goldenPath), { recursive: true });
      writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      t.diagnostic(`wrote ${goldenPath}`);
    } else {
      const expected = JSON.parse(readFileSync(goldenPath, 'utf8')) as Golden[];
      assert.deepEqual(
        actual,
        expected,
        `${rel} differs from ${goldenPath} (run with UPDATE_GOLDEN=1 if the change is intended)`,
      );
    }
    if (rel.startsWith('clean')) {
      assert.deepEqual(actual, [], `clean sample ${rel} must have no diagnostics`);
    } else {
      assert.match(header(text), /^\/\/ Must flag:/m, `${rel} must start with a comment saying what must be flagged`);
      assert.ok(
        actual.some((d) => d.severity === 'error'),
        `${rel} must have at least one error`,
      );
      const codes = new Set(actual.map((d) => d.code));
      const want = promised(text);
      assert.ok(want.length > 0, `${rel}: its header lists no codes`);
      assert.deepEqual(
        want.filter((c) => !codes.has(c)),
        [],
        `${rel}: codes promised by its header but not reported`,
      );
    }
  });
}

test('the clean samples are also clean checked together, as one workspace (as `consistency check samples/clean`)', () => {
  const clean = samples.filter((s) => s.includes('/clean/'));
  const a = analyze(clean.map((s) => ({ uri: `file:///${s}`, text: readFileSync(s, 'utf8') })));
  assert.deepEqual(
    a.diagnostics.map((d) => `${d.uri}: ${d.code}: ${d.message}`),
    [],
  );
});

test('every golden file belongs to a sample', () => {
  if (!existsSync(GOLDEN)) return;
  const expected = new Set(samples.map((s) => join(GOLDEN, `${relative(SAMPLES, s)}.json`)));
  assert.deepEqual(
    filesUnder(GOLDEN, '.json').filter((f) => !expected.has(f)),
    [],
  );
});
