// No editor feature throws, whatever the text and wherever the cursor: every sample, cut short at many
// points, with requests at many offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/core/pipeline';
import { codeActions } from '../../server/src/service/code-actions';
import { codeLenses } from '../../server/src/service/code-lens';
import { completion } from '../../server/src/service/completion';
import { definition } from '../../server/src/service/definition';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';
import { foldingRanges } from '../../server/src/service/folding';
import { formatting } from '../../server/src/service/formatting';
import { hover } from '../../server/src/service/hover';
import { references } from '../../server/src/service/references';
import { prepareRename, rename } from '../../server/src/service/rename';
import { semanticTokens } from '../../server/src/service/semantic-tokens';
import { createSnapshot } from '../../server/src/service/snapshot';
import { documentSymbols, workspaceSymbols } from '../../server/src/service/symbols';
import { filesUnder } from '../helpers/files';

const uri = 'file:///r.consistency';
const samples = filesUnder('samples', '.consistency').map((f) => readFileSync(f, 'utf8'));

function exercise(text: string, stride: number): void {
  const s = createSnapshot(analyze([{ uri, text }]));
  diagnosticsByUri(s);
  documentSymbols(s, uri);
  workspaceSymbols(s, 'a');
  foldingRanges(s, uri);
  semanticTokens(s, uri);
  formatting(s, uri);
  codeLenses(s, uri);
  const lines = s.lines.get(uri);
  for (let o = 0; o <= text.length; o += stride) {
    const p = lines.position(o);
    hover(s, uri, p);
    completion(s, uri, p);
    definition(s, uri, p);
    references(s, uri, p, true);
    prepareRename(s, uri, p);
    rename(s, uri, p, 'renamed');
    codeActions(s, uri, { start: p, end: p });
  }
}

test('every feature at every 11th offset of every sample', () => {
  for (const text of samples) exercise(text, 11);
});

test('samples cut short anywhere (unclosed blocks, half-written properties)', () => {
  for (const text of samples) {
    for (let cut = 0; cut < text.length; cut += 97) exercise(text.slice(0, cut), 29);
  }
});

test('garbage and odd characters', () => {
  for (const text of [
    '{{{{',
    '}}}}',
    'data',
    'data {',
    'tier . . {',
    '₹₹₹ 5',
    '"unclosed',
    '/* open',
    'data x { when { } }',
    '\u0000\ud800',
    'a\r\nb\rc\n',
  ]) {
    assert.doesNotThrow(() => exercise(text, 1), text);
  }
});
