// The regression corpus (test/corpus/README.md): policies modelled on documented systems, each with the
// diagnostics decided from first principles in NAME.expected. The whole directory is checked together, as
// `consistency check test/corpus` does: every file in its own scope, `shared/` seen only through imports.
// Correct designs must have no diagnostics; wrong ones exactly the expected ones (line, severity, code, the
// text underlined, fragments of the message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/core/pipeline';
import { LineIndex } from '../server/src/core/util/range';
import { filesUnder } from './helpers/files';

const DIR = 'test/corpus';

interface Expected {
  line: number;
  severity: string;
  code: string;
  text: string;
  fragments: string[];
}

function parseExpected(path: string): Expected[] {
  const out: Expected[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) continue;
    const m = /^(\d+) (error|warning|info|hint) ([a-z-]+) "([^"]*)"((?: ~ "[^"]*")*)$/.exec(l);
    assert.ok(m, `${path}: cannot read "${l}"`);
    const fragments = [...m[5].matchAll(/~ "([^"]*)"/g)].map((x) => x[1]);
    out.push({ line: Number(m[1]), severity: m[2], code: m[3], text: m[4], fragments });
  }
  return out;
}

const files = filesUnder(DIR, '.consistency');
const sources = files.map((f) => ({ path: f, uri: pathToFileURL(f).href, text: readFileSync(f, 'utf8') }));
const analysis = analyze(sources.map((s) => ({ uri: s.uri, text: s.text })));

test('the corpus: at least 30 policies, each naming its source, each with its expectations', () => {
  const policies = files.filter((f) => !f.includes('/shared/'));
  assert.ok(policies.length >= 30, `${policies.length} policies`);
  for (const s of sources) {
    assert.match(s.text, /^\/\/ Source: /m, `${s.path} names its source`);
    assert.ok(existsSync(s.path.replace(/\.consistency$/, '.expected')), `${s.path} has its .expected file`);
  }
});

for (const s of sources) {
  test(`corpus: ${relative(DIR, s.path)}`, () => {
    const expected = parseExpected(s.path.replace(/\.consistency$/, '.expected'));
    const lines = new LineIndex(s.text);
    const actual = analysis.diagnostics.filter((d) => d.uri === s.uri);
    const lineOf = (d: (typeof actual)[number]) => lines.position(d.range.start).line + 1;
    const textOf = (d: (typeof actual)[number]) => s.text.slice(d.range.start, d.range.end);
    const shown = actual.map((d) => `${lineOf(d)} ${d.severity} ${d.code} "${textOf(d)}": ${d.message}`);
    const unmatched = [...actual];
    for (const e of expected) {
      const i = unmatched.findIndex((d) => d.code === e.code && lineOf(d) === e.line && textOf(d) === e.text);
      assert.ok(i >= 0, `${s.path}: expected ${e.line} ${e.severity} ${e.code} "${e.text}"; got:\n${shown.join('\n')}`);
      const d = unmatched.splice(i, 1)[0];
      assert.equal(d.severity, e.severity, `${s.path}:${e.line} ${e.code}: ${d.message}`);
      for (const f of e.fragments) {
        assert.ok(d.message.includes(f), `${s.path}:${e.line} ${e.code}: the message lacks "${f}": ${d.message}`);
      }
    }
    assert.deepEqual(
      unmatched.map((d) => shown[actual.indexOf(d)]),
      [],
      `${s.path}: diagnostics not expected`,
    );
  });
}

test('every correct design in the corpus has no error at all', () => {
  for (const s of sources) {
    const expected = parseExpected(s.path.replace(/\.consistency$/, '.expected'));
    if (expected.some((e) => e.severity === 'error')) continue;
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.uri === s.uri && d.severity === 'error').map((d) => d.message),
      [],
      s.path,
    );
  }
});
