// The command line parses with the hand-written parser only: the Chevrotain grammar (grammar.ts, about 40 ms
// to build) is not in the CLI's bundles at all, nor Chevrotain itself (its token types are plain objects,
// token-type.ts; loading the library and its lodash took ~35 ms of every start), and the language server builds it only when completion first
// asks (completion-context.ts). Read from the bundles' source maps, which list every module bundled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bundle } from '../../helpers/bundle';

function modules(name: string): string[] {
  const map = JSON.parse(readFileSync(`${bundle(name)}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((s) => s.replace(/\\/g, '/'));
}

test('the CLI bundles hold the hand-written parser and not the Chevrotain grammar', () => {
  const analysis = modules('cli-analysis');
  assert.ok(analysis.some((s) => s.endsWith('core/syntax/parser.ts')));
  assert.ok(analysis.some((s) => s.endsWith('core/syntax/descent.ts')));
  for (const name of ['cli', 'cli-analysis', 'cli-other']) {
    const cli = modules(name);
    assert.ok(!cli.some((s) => s.endsWith('core/syntax/grammar.ts')), name);
    assert.deepEqual(
      cli.filter((s) => /node_modules\/(chevrotain|@chevrotain|lodash)/.test(s)),
      [],
      name,
    );
  }
  assert.ok(
    modules('server').some((s) => /node_modules\/chevrotain\//.test(s)),
    'the check sees a library module',
  );
});

test('the server bundle holds the grammar for completion, built on first use', () => {
  assert.ok(modules('server').some((s) => s.endsWith('core/syntax/grammar.ts')));
  const source = readFileSync('server/src/core/syntax/grammar.ts', 'utf8');
  assert.doesNotMatch(source, /^export const \w+ = new PolicyParser/m);
});
