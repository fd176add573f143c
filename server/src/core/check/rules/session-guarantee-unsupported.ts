// A session guarantee (read-your-writes, monotonic reads/writes, writes-follow-reads, causal) that the
// declared replication cannot give: last-writer-wins across several primaries, or async replication that
// fails over to a replica missing acknowledged writes when the policy prefers availability.
import type { Guarantee, Level } from '../../model/levels';
import type { Fix } from '../../diagnostic';
import type { Rule } from '../rule';
import { branches, type Branch } from '../branches';
import { insertProperty, levelRange, replaceFix, siteOf, singlePrimaryFix } from '../sites';
import type { DataModel } from '../../model/model';

const sessionLevels = new Set(['read_your_writes', 'monotonic_reads', 'monotonic_writes', 'writes_follow_reads', 'session', 'causal']);
/** What a concurrent write with a later clock can undo. */
const brokenByLww: Guarantee[] = ['read_your_writes', 'monotonic_writes', 'writes_follow_reads', 'causal'];
/** What a failover to a replica that lacks acknowledged writes can undo. */
const brokenByFailover: Guarantee[] = ['read_your_writes', 'monotonic_reads', 'monotonic_writes', 'writes_follow_reads', 'causal'];

/** Those of `gs` that the level promises. */
const held = (level: Level, gs: Guarantee[]) => gs.filter((g) => level.guarantees.has(g));

const words = (gs: Guarantee[]) => gs.map((g) => g.replace(/_/g, '-')).join(', ');

/** Replace a property's value written in the data, else add the property to the data block. */
function setFix(d: DataModel, s: Branch, kind: 'partition' | 'replication', value: string): Fix | undefined {
  const title = `Use \`${kind === 'partition' ? 'partition prefer' : 'replication'} ${value}\``;
  const sourced = kind === 'partition' ? s.effective.partition : s.effective.replication;
  const site = siteOf(d, sourced, (p) => (p.kind === 'partition' ? p.preferRange : p.kind === 'replication' ? p.mode?.range : undefined));
  if (site?.own) return replaceFix(title, site.uri, site.range, value);
  const edit = insertProperty(d, kind === 'partition' ? `partition prefer ${value}` : `replication ${value}`, site?.range);
  return edit && { title, edits: [edit] };
}

export const rule: Rule = {
  code: 'session-guarantee-unsupported',
  check({ model, report }) {
    for (const d of model.data.values()) {
      let done: Set<number> | undefined; // made at the first report: most data types have none
      for (const s of branches(d)) {
        const e = s.effective;
        if (!e.level || !sessionLevels.has(e.level.value.name)) continue;
        const level = e.level;
        // What each case would report, worked out only when its settings are there (most branches have neither).
        const primaries = e.conflict?.value === 'last_writer_wins' ? [...new Set(e.primaries)] : undefined;
        const lww = primaries && primaries.length > 1 ? held(level.value, brokenByLww) : undefined;
        const rep = e.replication?.value;
        const failover = rep && rep.mode === 'async' && !rep.assumed && e.partition?.value === 'availability' ? held(level.value, brokenByFailover) : undefined;
        if (!lww?.length && !failover?.length) continue;
        const site = siteOf(d, level, levelRange);
        if (!site || done?.has(site.range.start)) continue;
        const claim = `${level.value.display}${level.tier ? ` (tier ${level.tier})` : ''} on ${s.label}`;
        if (primaries && lww?.length) {
          (done ??= new Set()).add(site.range.start);
          const fix = singlePrimaryFix(d, primaries);
          report({
            uri: site.uri,
            range: site.range,
            message:
              `${claim} promises ${words(lww)}, but writes are accepted at ${primaries.length} primaries (${primaries.join(', ')}) and ` +
              "resolved by `last_writer_wins`: a session's own write can be replaced by a concurrent write at another primary whose clock " +
              'is later, so the session no longer sees its write, or sees its writes out of order. Keep one primary, or resolve conflicts without losing writes.',
            fixes: fix ? [fix] : undefined,
          });
          continue;
        }
        if (rep && failover?.length) {
          (done ??= new Set()).add(site.range.start);
          const fixes = [setFix(d, s, 'partition', 'consistency'), setFix(d, s, 'replication', 'sync')].filter((f): f is Fix => !!f);
          report({
            uri: site.uri,
            range: site.range,
            message:
              `${claim} promises ${words(failover)}, but \`replication async\` acknowledges a write at ${rep.w} replica and ` +
              '`partition prefer availability` fails over to a replica that may lack it: a session that already saw the write then reads ' +
              'an older value (Axis Bank Mumbai→Pune failover of 2.5 lakh sessions: violations 2 min after the latency spike, ' +
              'source L1039–L1106). Prefer consistency during partitions, or replicate synchronously.',
            fixes,
          });
        }
      }
    }
  },
};
