// The findings kept per data type (core/check-cache.ts) after an edit of another data type: kept (not found
// again), moved with the text, and the same as a fresh analysis's, whether the kept data types had findings or
// not; however a rule walks the data types (the cache finds the owner of a finding by where it is).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCacheStats } from '../../server/src/core/check-cache';
import { Workspace } from '../../server/src/lsp/workspace';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';

const uri = 'file:///check-cache.consistency';

const policy = (extra: string) =>
  [
    'topology t {',
    '  region mumbai { replicas 3 primary }',
    '  region delhi { replicas 2 }',
    '  link mumbai <-> delhi 45ms',
    '}',
    'tier money.core {',
    '  consistency strong',
    '}',
    `data first {${extra}`,
    '  consistency eventual',
    '}',
    // Findings: below its tier, last writer wins on money, latency under the round trip.
    'data wallet {',
    '  tier money.core',
    '  consistency eventual',
    '  conflict last_writer_wins',
    '}',
    'data cart {',
    '  consistency linearizable',
    '  latency write p99 <= 5ms',
    '}',
    'data quiet {',
    '  consistency eventual',
    '}',
    '',
  ].join('\n');

test('after an edit of one data type the others keep their findings, moved, without being checked again', () => {
  const ws = new Workspace();
  const shown = (w: Workspace) => JSON.stringify(diagnosticsByUri(w.snapshot()).get(uri) ?? []);
  ws.setOpen(uri, policy(''), 1);
  const before = JSON.parse(shown(ws)) as { code: string }[];
  assert.ok(before.length >= 3, `findings to keep: ${before.map((d) => d.code).join(', ')}`);
  const stats = { ...checkCacheStats };
  ws.setOpen(uri, policy('\n  // a line that moves everything after it'), 2);
  const kept = shown(ws);
  assert.equal(checkCacheStats.computed - stats.computed, 1, 'only the edited data type is checked again');
  assert.equal(checkCacheStats.reused - stats.reused, 3, 'the other three keep their findings');
  const fresh = new Workspace();
  fresh.setOpen(uri, policy('\n  // a line that moves everything after it'), 2);
  assert.equal(kept, shown(fresh));
});
