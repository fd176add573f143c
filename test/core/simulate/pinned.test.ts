// The simulator's outputs pinned per seed: the digests below were recorded before the engine, the history
// recording and the checkers were made faster (branch simfast), so every later change to how a run is
// computed must leave every number, every anomaly and every history line as it was. A digest that changes
// means results changed: that is a behaviour change to justify, not a figure to re-record in passing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBundle } from '../../helpers/bundle';
import { pinnedRuns } from './pinned-runs';

const pinned: Record<string, string[]> = {
  'samples/clean/analytics-recommendations.consistency default runs': [
    'a9816e18e01a429d',
    '6190ecef7d739c14',
    '07fdb80f25363b9b',
    '6fd6fd5d390f63b5',
    '78218742da926900',
    '02b9446f3139c720',
  ],
  'samples/clean/flipkart-big-billion-days.consistency default runs': [
    'c491b2079bbc564a',
    '682b250d3f30478b',
    '73d12c2337c3d09b',
    'bc6130e380a0b217',
    '4d0cde303cef91e0',
    'a56f684ba9ae6e51',
    '92a528898d206341',
    '0dd8f3b71b216e49',
    'dd5caf0d04721f11',
  ],
  'samples/clean/irctc-tatkal.consistency default runs': [
    'f60afe5dfa0d91ff',
    '443caf8ec91f43f4',
    '8a4a9e82cc16aef9',
    '55adf41983111dcc',
    '1439375598a5891d',
  ],
  'samples/clean/pbs-production-fits.consistency default runs': [
    '4aeb664a5c80d2be',
    '53a6b287df31d430',
    'd1812709517456c1',
    'b822e3686d8d5937',
    '0b4b0f5ff7d4decf',
    '5405ae584a09964b',
  ],
  'samples/clean/rbi-core-banking.consistency default runs': [
    'b09cd4bf05aaf713',
    'b94e2389f296cb5f',
    '56040fedaec9edff',
    'e74de81933d78629',
    '9dabb604e8791afa',
    'b73a75e2a197e795',
    'a6a4c2b407846ceb',
    '76d1bd7026d4a77a',
  ],
  'samples/clean/upi-wallet.consistency default runs': [
    'f085eae7bf7e23e8',
    'd4374e18973857c1',
    'f090e1f3835e2d89',
    '997930b961c74a77',
    'ca0fd10da2844097',
    '66cb88d9efbda382',
    'c86675646f22a602',
  ],
  'samples/clean/whatsapp-messages.consistency default runs': [
    'e273b84b05abc8ef',
    '97d063802fed03c8',
    '8daa693819bcbc50',
    'dd139f537304a633',
    '6020aec5ae392752',
  ],
  'samples/clean/zomato-order-tracking.consistency default runs': [
    'fcc8183693db74ad',
    'b71b1ab2ff2707ba',
    '343dcec55550d685',
    '819d79ee7060461c',
    '6e166aa7f1c4d8c2',
  ],
  'samples/contradictions/budget-and-capacity.consistency default runs': [
    'b09cd4bf05aaf713',
    'c62f80e9ee4c2ce0',
    '315674758caa2054',
    'c86675646f22a602',
  ],
  'samples/contradictions/cap-and-availability.consistency default runs': [
    '4762a1b1d00ff119',
    'baeb4558eebe54e9',
    '6fb514370381f443',
    '6476b1e8758c8f6a',
  ],
  'samples/contradictions/latency-below-physics.consistency default runs': [
    '974649f59bb3801f',
    '4aa41e971b5b0f09',
    '0ece6bb57a78aa79',
    'dabb8f15c25f9028',
    '52cc446555f5985a',
  ],
  'samples/contradictions/lww-and-multi-primary.consistency default runs': [
    '62caebaecfea90a8',
    '211e8afc3e4ebfeb',
    'f11918a4540293b8',
    'a8fc7c35d6bab059',
    '0ce966a7ad1f3587',
    '3442bb91a3e1fc9b',
  ],
  'samples/contradictions/names-and-topology.consistency default runs': [
    'f002ff148f231a72',
    '6c8e256608a24f72',
    'ee0727a48741b80f',
    '0450d7cde1705f34',
  ],
  'samples/contradictions/quorum-overlap.consistency default runs': [
    'bd365737d9dd6d53',
    '727b37bfb602022e',
    '93b1273870a71707',
    '1f682f60cd323306',
    '20606bb759274628',
    '47b2adfcc16ede9a',
  ],
  'samples/contradictions/simulation-mistakes.consistency default runs': ['543b2a18c39e5d0f'],
  'samples/contradictions/staleness-below-lag.consistency default runs': [
    'b3a8a2bb41de4e1f',
    '139b270f2acb3e68',
    '6429dfc2f5cb8b32',
    'd8f24276645d9ae7',
    '09547245f73c6b79',
  ],
  'samples/contradictions/syntax-errors.consistency default runs': [
    '27896211e4f3212a',
    'efa79e1cec33ebd0',
    '5e9512f2d8663daf',
    'f8f5390378f75c70',
  ],
  'samples/contradictions/tier-floors-and-degrade.consistency default runs': [
    '5c09772faca23eb1',
    'af6766693205bd70',
    '26b7a21bb6b9a21e',
    '56040fedaec9edff',
    'b132d3078eebb355',
    'a9ff493b2c84434a',
  ],
  'samples/contradictions/transactions.consistency default runs': [
    'eb96986a244f4082',
    '84aaf17f29400ef1',
    '3859b981789dbceb',
    '05158b0ec2a6af67',
    'd4374e18973857c1',
  ],
  'samples/contradictions/when-gaps-and-overlaps.consistency default runs': [
    '3c441a196fc17858',
    '7494438d612ac210',
    'a2e98e85b183e58d',
    'f5c7d769d779d36b',
  ],
  'samples/clean/flipkart-big-billion-days.consistency scenarios': ['4987e8619bc3cadd'],
  'samples/clean/pbs-production-fits.consistency scenarios': ['a01126c7855e856c', 'ec23f3c544ae2bc3'],
  'samples/clean/upi-wallet.consistency scenarios': ['eb4aabf951ff4d4b'],
  'samples/clean/whatsapp-messages.consistency scenarios': ['4f17fbbfae0dba9f'],
  'PBS write-only, every check': ['fe862f2f0d2c2ac5'],
  'PBS write-only, engine alone': ['962904cf31085250'],
  'names-and-topology account_balance, 20,000 operations, engine alone': ['18c738a4b4fc6001'],
};

for (const r of pinnedRuns)
  test(`pinned outputs: ${r.name}`, () => {
    assert.deepEqual(r.run().split(' '), pinned[r.name]);
  });

/** Through the CLI: the JSON runs (without the tool's version) and the history file, per data type. */
const cliRuns: [string, string, string][] = [
  ['samples/clean/upi-wallet.consistency', 'upi_payment', 'b273c5d2b5f6e3f4'],
  ['samples/clean/whatsapp-messages.consistency', 'group_messages', 'cffbc1a06e3aade9'],
  ['samples/clean/flipkart-big-billion-days.consistency', 'cart', 'e190684bbcef0191'],
];

for (const [file, data, expected] of cliRuns)
  test(`pinned outputs through the CLI: ${file} --data ${data}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinned-'));
    try {
      const history = join(dir, 'h.jsonl');
      const args = ['simulate', resolve(file), '--data', data, '--seed', '9', '--ops', '4000', '--json'];
      const r = runBundle('cli', [...args, '--history', history], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const h = createHash('sha256').update(JSON.stringify(JSON.parse(r.stdout).runs));
      assert.equal(h.update(readFileSync(history)).digest('hex').slice(0, 16), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
