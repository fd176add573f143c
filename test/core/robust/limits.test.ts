// Limits and numbers (docs/language.md#limits): each count over its limit is one `limit-exceeded` on the
// construct, naming both numbers; numbers beyond 2^53 and coordinates off the globe are
// `number-out-of-range`; the model never holds more than the limits (a billion replicas export as 1,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/core/pipeline';
import { exportTypeScript } from '../../../server/src/core/export/typescript';
import { limits, limitWords } from '../../../server/src/core/util/limits';

const uri = 'file:///limits.consistency';
const diagnosticsOf = (text: string, code: string) =>
  analyze([{ uri, text }])
    .diagnostics.filter((d) => d.code === code)
    .map((d) => ({ at: text.slice(d.range.start, d.range.end), message: d.message }));
const regions = (n: number) =>
  Array.from({ length: n }, (_, i) => `  region r${i}${i === 0 ? ' { primary }' : ''}`).join('\n');

test('a billion replicas: the limit on the number, modelled as 1,000, exported without a name per replica', () => {
  const text =
    'topology t {\n  region mumbai { replicas 1000000000 primary }\n}\n' +
    'data d {\n  topology t\n  consistency eventual\n}\n';
  const message =
    '`replicas 1000000000` is over the limit of 1,000 replicas per region (docs/language.md#limits); ' +
    'the region is modelled with 1,000.';
  assert.deepEqual(diagnosticsOf(text, 'limit-exceeded'), [{ at: '1000000000', message }]);
  const a = analyze([{ uri, text }]);
  assert.equal(a.model.topologies.get('t')!.totalReplicas, 1000);
  assert.ok(exportTypeScript(a, uri).text.length < 200_000);
});

test('replicas per topology: the region that goes over is modelled with what is left', () => {
  const eleven = Array.from({ length: 11 }, (_, i) => `  region r${i} { replicas 1000 }`);
  const text = `topology t {\n${eleven.join('\n')}\n}\n`;
  const ds = diagnosticsOf(text, 'limit-exceeded');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /the topology's 11,000 replicas is over the limit of 10,000 replicas per topology/);
  assert.match(ds[0].message, /modelled with 1\.$/);
  assert.equal(analyze([{ uri, text }]).model.topologies.get('t')!.totalReplicas, 10_001);
});

test('regions and links past their limits: one diagnostic on the first past, which is not read', () => {
  const n = limits.regions + 5;
  const text = `topology t {\n${regions(n)}\n}\n`;
  const ds = diagnosticsOf(text, 'limit-exceeded');
  assert.deepEqual(
    ds.map((d) => d.at),
    [`r${limits.regions}`],
  );
  assert.match(ds[0].message, /This topology's 1,005 regions is over the limit of 1,000 regions per topology/);
  assert.match(ds[0].message, /the 4 after it are not read/);
  assert.equal(analyze([{ uri, text }]).model.topologies.get('t')!.regions.size, limits.regions);
  const many = '  link a <-> b 5ms\n'.repeat(limits.links + 1);
  const links = `topology t {\n  region a { primary }\n  region b\n${many}}\n`;
  const ls = diagnosticsOf(links, 'limit-exceeded');
  assert.equal(ls.length, 1);
  assert.equal(ls[0].at, 'link a <-> b 5ms');
});

test('`when` branches past the limit', () => {
  const branches = '  when amount >= 1 { staleness <= 1s }\n'.repeat(limits.whenBranches + 1);
  const text = 'data d {\n  consistency eventual\n' + branches + '}\n';
  const ds = diagnosticsOf(text, 'limit-exceeded');
  assert.deepEqual(
    ds.map((d) => d.at),
    ['when'],
  );
  assert.match(ds[0].message, /1,001 `when` branches is over the limit of 1,000/);
});

test('scenario keys, clients and operations', () => {
  const text =
    'data d { consistency strong }\n' +
    'scenario s { data d duration 1000 days load 1B/s keys 5000000 clients 2000000 }\n';
  const ds = diagnosticsOf(text, 'limit-exceeded');
  assert.deepEqual(
    ds.map((d) => d.at),
    ['1B/s', '5000000', '2000000'],
  );
  assert.match(ds[0].message, /86,400,000,000,000,000 operations, is over the limit of 10,000,000,000 /);
  assert.match(ds[0].message, /modelled as 116\/s/);
  const s = analyze([{ uri, text }]).model.scenarios.get('s')!;
  assert.ok(s.load!.perSec * 1000 * 86_400 <= limits.operations + 1);
});

test('numbers beyond 2^53 and coordinates off the globe are number-out-of-range, never NaN in a message', () => {
  const text =
    'topology t {\n  region a { replicas 9007199254740993 primary coordinates 95, 400 }\n}\n' +
    'data d {\n  topology t\n  consistency strong\n  workload 99999999999999999999999999/s\n' +
    '  budget <= ₹999999999999999999999999999999999\n}\n';
  const all = analyze([{ uri, text }]).diagnostics;
  assert.deepEqual(
    all.filter((d) => d.code === 'number-out-of-range').map((d) => text.slice(d.range.start, d.range.end)),
    ['9007199254740993', '95', '400', '99999999999999999999999999/s', '₹999999999999999999999999999999999'],
  );
  for (const d of all) assert.doesNotMatch(d.message, /NaN|Infinity/, d.message);
});

test('docs/language.md#limits lists every limit with its number', () => {
  const doc = readFileSync('docs/language.md', 'utf8');
  const section = doc.slice(doc.indexOf('<a id="limits"></a>'));
  assert.ok(doc.includes('<a id="limits"></a>'));
  for (const [name, value] of Object.entries(limits)) {
    const row = section.split('\n').find((l) => l.includes(limitWords[name as keyof typeof limits]));
    assert.ok(row, `no row for ${name}`);
    assert.ok(row.includes(value.toLocaleString('en-US')), `${name}: ${row}`);
  }
});
