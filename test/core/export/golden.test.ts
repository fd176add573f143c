// Golden tests of the generated TypeScript: every samples/**/*.consistency is exported alone and compared
// with test/golden/export/<path>.generated.ts (a missing one fails; UPDATE_GOLDEN=1 writes them).
// Every generated module must compile under --strict, and exporting must be deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { exportTypeScript } from '../../../server/src/core/export/typescript';
import { isGenerated } from '../../../server/src/core/export/header';
import { filesUnder } from '../../helpers/files';
import { analyze } from '../../../server/src/core/pipeline';
import { compile } from './compile';

const SAMPLES = 'samples';
const GOLDEN = 'test/golden/export';
const update = process.env.UPDATE_GOLDEN === '1';

function generate(text: string, uri: string): string {
  return exportTypeScript(analyze([{ uri, text }]), uri).text;
}

/** `at line 12: "…" instead of "…"`, to keep failures readable. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const k = a.findIndex((line, i) => line !== e[i]);
  const at = k < 0 ? a.length : k;
  return `at line ${at + 1}: ${JSON.stringify(a[at] ?? '<end>')} instead of ${JSON.stringify(e[at] ?? '<end>')}`;
}

const samples = filesUnder(SAMPLES, '.consistency');
const goldenPath = (sample: string) => join(GOLDEN, `${relative(SAMPLES, sample)}.generated.ts`);
const outputs: Record<string, string> = {};

for (const sample of samples) {
  const rel = relative(SAMPLES, sample);
  test(`export golden: ${rel}`, (t) => {
    const text = readFileSync(sample, 'utf8');
    const actual = generate(text, `file:///work/${sample}`);
    outputs[`/virtual/${rel}.ts`] = actual;
    assert.ok(isGenerated(actual), 'starts with the generated-file marker');
    const path = goldenPath(sample);
    assert.ok(
      update || existsSync(path),
      `no golden ${path}: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs golden, and review it`,
    );
    if (update) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
      t.diagnostic(`wrote ${path}`);
    } else {
      const expected = readFileSync(path, 'utf8');
      assert.ok(
        actual === expected,
        `${rel} differs from ${path} ${firstDifference(actual, expected)} (run with UPDATE_GOLDEN=1 if the change is intended)`,
      );
    }
  });
}

test('every generated sample module compiles under --strict with zero diagnostics', () => {
  assert.equal(Object.keys(outputs).length, samples.length);
  assert.deepEqual(compile(outputs), []);
});

test('re-exporting unchanged input is byte-identical, wherever the file lives', () => {
  const sample = samples.find((s) => s.endsWith('rbi-core-banking.consistency')) ?? samples[0];
  const text = readFileSync(sample, 'utf8');
  const a = generate(text, 'file:///a/policy.consistency');
  assert.equal(generate(text, 'file:///a/policy.consistency'), a);
  assert.equal(generate(text, 'file:///elsewhere/deeper/policy.consistency'), a);
});

test('every export golden file belongs to a sample', () => {
  if (!existsSync(GOLDEN)) return;
  const expected = new Set(samples.map(goldenPath));
  assert.deepEqual(
    filesUnder(GOLDEN, '.ts').filter((f) => !expected.has(f)),
    [],
  );
});
