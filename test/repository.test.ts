// No false alarms on this repository: `consistency check samples` reports exactly the contradiction samples'
// goldens (each sample checked alone gives the same as all of them together), and the editor on the whole
// repository (every .consistency file the server finds, analysed together) reports only intended diagnostics:
// none on clean samples and the prelude, the goldens on contradiction samples, the expectations on the corpus,
// and on test fixtures only the codes their header comment says they exist to show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '../server/src/core/pipeline';
import { LineIndex } from '../server/src/core/util/range';
import { findPolicyFiles } from '../server/src/lsp/files';
import { filesUnder } from './helpers/files';

const ROOT = pathToFileURL(process.cwd()).href;
const rel = (uri: string) => relative(process.cwd(), fileURLToPath(uri)).split('\\').join('/');
const read = (uri: string) => readFileSync(fileURLToPath(uri), 'utf8');

interface Golden {
  code: string;
  severity: string;
  range: string;
  message: string;
}

function shape(uri: string, text: string, ds: ReturnType<typeof analyze>['diagnostics']): Golden[] {
  const lines = new LineIndex(text);
  const at = (o: number) => `${lines.position(o).line + 1}:${lines.position(o).character + 1}`;
  return ds
    .filter((d) => d.uri === uri)
    .map((d) => {
      const range = `${at(d.range.start)}-${at(d.range.end)}`;
      return { code: d.code, severity: d.severity, range, message: d.message };
    });
}

const golden = (path: string): Golden[] =>
  JSON.parse(readFileSync(`test/golden/diagnostics/${relative('samples', path)}.json`, 'utf8')) as Golden[];

/**
 * The same diagnostics as the sample checked alone. Checked with other files, an unknown name may gain a hint
 * naming a file that declares it (and the import that would bring it): the message then starts as alone.
 */
function sameAsAlone(actual: Golden[], alone: Golden[], what: string): void {
  assert.deepEqual(
    actual.map((d) => [d.code, d.severity, d.range]),
    alone.map((d) => [d.code, d.severity, d.range]),
    what,
  );
  actual.forEach((d, i) => assert.ok(d.message.startsWith(alone[i].message), `${what}: ${d.message}`));
}

test("`consistency check samples`: exactly the contradiction samples' intended diagnostics, nothing else", () => {
  const samples = filesUnder('samples', '.consistency').map((p) => {
    return { path: p, uri: pathToFileURL(p).href, text: readFileSync(p, 'utf8') };
  });
  const a = analyze(samples.map((s) => ({ uri: s.uri, text: s.text })));
  for (const s of samples) {
    const want = s.path.includes('/clean/') ? [] : golden(s.path);
    sameAsAlone(shape(s.uri, s.text, a.diagnostics), want, s.path);
  }
  assert.equal(
    a.diagnostics.filter((d) => d.code === 'duplicate-name').length,
    2,
    'only the two names-and-topology declares twice',
  );
});

test('the editor on this repository: every diagnostic is an intended one', () => {
  const uris = findPolicyFiles([ROOT]);
  assert.ok(uris.length > 60, `${uris.length} files`);
  const a = analyze(uris.map((uri) => ({ uri, text: read(uri) })));
  for (const uri of uris) {
    const path = rel(uri);
    const text = read(uri);
    const ds = shape(uri, text, a.diagnostics);
    if (path.startsWith('samples/clean/') || path.startsWith('server/')) assert.deepEqual(ds, [], path);
    else if (path.startsWith('samples/contradictions/')) sameAsAlone(ds, golden(path), path);
    else if (path.startsWith('test/corpus/')) {
      const expectations = readFileSync(path.replace(/\.consistency$/, '.expected'), 'utf8');
      const expected = expectations.split('\n').filter((l) => /^\d/.test(l));
      const got = ds.map((d) => `${d.range.split(':')[0]} ${d.severity} ${d.code}`).sort();
      assert.deepEqual(got, expected.map((l) => l.split(' ').slice(0, 3).join(' ')).sort(), path);
    } else {
      const header = text.slice(0, text.search(/^[^/\n]/m));
      for (const d of ds) {
        assert.ok(header.includes(d.code), `${path}: ${d.code} is not among the codes its header names: ${d.message}`);
      }
    }
  }
});
