// A session guarantee (read-your-writes, monotonic reads, monotonic writes, writes-follow-reads, as defined
// by Terry et al., "Session Guarantees for Weakly Consistent Replicated Data", PDIS 1994) or causal order
// that the design cannot give. These guarantees need no quorum overlap and no synchronous replication: they
// are "sticky available" (Bailis et al., "Highly Available Transactions", VLDB 2014; Jepsen, "Consistency
// Models": read-your-writes and causal are sticky available). A session that stays with replicas holding
// what it has seen, or carries a token a replica must catch up to (ZooKeeper's zxid, Cosmos DB's session
// token, MongoDB's causally consistent sessions, Bayou's version vectors), keeps them through asynchronous
// replication, failover and partitions: `partition prefer availability` and `replication async` are
// compatible with them, written out or defaulted. What breaks them:
//
// - Roaming sessions (`sessions roaming`: any replica answers with what it has) whose reads need not meet
//   their writes, R + W ≤ N: a session's read can reach a replica that lacks its own write (read-your-writes)
//   or that is behind one it read before (monotonic reads). With several primaries, a roaming session's
//   writes can reach replicas in either order (monotonic writes, writes-follow-reads). Sticky sessions, or
//   reads that meet every write quorum (R + W > N), fix it.
// - Several primaries resolved by last writer wins on wall clocks (the default, `physical`): a write made after
//   reading another, at a primary whose clock is behind, gets an earlier timestamp and loses to the write it
//   followed (writes-follow-reads, causal). COPS resolves by Lamport clocks, which order a write after
//   everything its client had seen (Lloyd et al., SOSP 2011): `conflict last_writer_wins logical`.
//
// Sequential and stronger levels are `quorum-no-overlap`'s (they need more than sessions).
import type { Guarantee, Level } from '../../model/levels';
import type { Fix } from '../../diagnostic';
import type * as A from '../../syntax/ast';
import type { Rule } from '../rule';
import { branches, type Branch } from '../branches';
import { insertProperty, levelRange, replaceFix, siteOf, singlePrimaryFix } from '../sites';
import { majority } from '../../util/quorum';

const readGuarantees: Guarantee[] = ['read_your_writes', 'monotonic_reads'];
const orderGuarantees: Guarantee[] = ['monotonic_writes', 'writes_follow_reads'];

/** Those of `gs` that the level promises. */
const held = (level: Level, gs: Guarantee[]) => gs.filter((g) => level.guarantees.has(g));

const words = (gs: Guarantee[]) => gs.map((g) => g.replace(/_/g, '-')).join(', ');

const judgedGuarantees: Guarantee[] = [...readGuarantees, ...orderGuarantees, 'causal'];

/** A session level this rule judges: some session guarantee or causal, without one order of all operations. */
function judged(level: Level): boolean {
  if (level.guarantees.has('total_order') || level.name === 'regional') return false;
  for (const g of judgedGuarantees) if (level.guarantees.has(g)) return true;
  return false;
}

const sticky = 'Keep sessions sticky (a session stays with, or waits for, a replica that has its writes)';
const lamport = 'Resolve by Lamport clocks: `conflict last_writer_wins logical`';

/** The written `quorum …` of a replication property, from its mode to its last number. */
const quorumRange = (p: A.Property) =>
  p.kind === 'replication' && p.mode
    ? { start: p.mode.range.start, end: Math.max(p.mode.range.end, p.write?.range.end ?? 0, p.read?.range.end ?? 0) }
    : undefined;

const strategyRange = (p: A.Property) =>
  p.kind === 'conflict' && p.strategy
    ? { start: p.strategy.range.start, end: (p.variant ?? p.strategy).range.end }
    : undefined;

function roamingFixes(b: Branch, n: number, w: number, reads: boolean): Fix[] {
  const fixes: Fix[] = [];
  const site = siteOf(b.data, b.effective.sessions, (p) => (p.kind === 'sessions' ? p.mode?.range : undefined));
  if (site?.own) fixes.push(replaceFix(sticky, site.uri, site.range, 'sticky'));
  if (reads) {
    const r = Math.max(1, n - w + 1);
    const text = `quorum write ${w} read ${r}`;
    const cost = r === n ? ' (reads stop when any replica is down)' : '';
    const title = `Read from ${r} of ${n} replicas: \`replication ${text}\`${cost}`;
    const at = siteOf(b.data, b.effective.replication, quorumRange);
    if (at?.own) fixes.push(replaceFix(title, at.uri, at.range, text));
    else {
      const edit = insertProperty(b.data, `replication ${text}`, b.when?.decl.range);
      if (edit) fixes.push({ title, edits: [edit] });
    }
  }
  return fixes;
}

function clockFixes(b: Branch, primaries: string[]): Fix[] {
  const fixes: Fix[] = [];
  const site = siteOf(b.data, b.effective.conflict, strategyRange);
  if (site?.own) fixes.push(replaceFix(lamport, site.uri, site.range, 'last_writer_wins logical'));
  const one = singlePrimaryFix(b.data, primaries);
  if (one) fixes.push(one);
  return fixes;
}

export const rule: Rule = {
  code: 'session-guarantee-unsupported',
  check({ model, report }) {
    for (const d of model.data.values()) {
      const n = d.topology?.totalReplicas;
      let done: Set<number> | undefined; // made at the first report: most data types have none
      for (const b of branches(d)) {
        const e = b.effective;
        if (!e.level || !judged(e.level.value)) continue;
        const level = e.level;
        const several = e.primaries.some((p) => p !== e.primaries[0]); // two distinct primaries or more
        const rep = e.replication?.value;
        const roaming = e.sessions?.value === 'roaming';
        const w = rep?.w ?? 1;
        const r = rep?.r ?? 1;
        const readsMiss = roaming && n !== undefined && r + w <= n;
        const wallClock = e.conflict?.value === 'last_writer_wins' && e.lwwClock !== 'logical' && several;
        if (!readsMiss && !(roaming && several) && !wallClock) continue; // nothing below can break
        const primaries = [...new Set(e.primaries)];
        const roamingBroken = [
          ...(readsMiss ? held(level.value, readGuarantees) : []),
          ...(roaming && several ? held(level.value, orderGuarantees) : []),
        ];
        const clockBroken = wallClock ? held(level.value, ['writes_follow_reads']) : [];
        const causal = level.value.guarantees.has('causal');
        if (roamingBroken.length === 0 && clockBroken.length === 0 && !(wallClock && causal)) continue;
        const site = siteOf(d, level, levelRange);
        if (!site || done?.has(site.range.start)) continue;
        (done ??= new Set()).add(site.range.start);
        const claim = `${level.value.display}${level.tier ? ` (tier ${level.tier})` : ''} on ${b.label}`;
        const why: string[] = [];
        const fixes: Fix[] = [];
        const where = `${primaries.length} primaries (${primaries.join(', ')})`;
        if (roamingBroken.length > 0) {
          const lost = causal ? [...roamingBroken, 'causal' as Guarantee] : roamingBroken;
          const arithmetic = `R + W = ${r} + ${w} = ${r + w} ≤ N = ${n}`;
          const reads = readsMiss
            ? `its read can reach replicas that miss its own write or one it read before (${arithmetic})`
            : '';
          const order = roaming && several ? `its writes can reach the ${where} and the replicas in either order` : '';
          const how = [reads, order].filter(Boolean).join(', and ');
          why.push(`with \`sessions roaming\` ${how}, so ${words(lost)} can fail`);
          fixes.push(...roamingFixes(b, n ?? majority(3), w, readsMiss));
        }
        if (wallClock && (clockBroken.length > 0 || causal)) {
          const lost = causal ? [...clockBroken, 'causal' as Guarantee] : clockBroken;
          why.push(
            `writes are accepted at ${where} and resolved by \`last_writer_wins\` on wall clocks: ` +
              'a write made after reading another, at a primary whose clock is behind, gets an earlier timestamp ' +
              `and loses to the write it followed (${words(lost)} fail)`,
          );
          fixes.push(...clockFixes(b, primaries));
        }
        const message = `${claim} promises what the design cannot give: ${why.join('; and ')}.`;
        report({ uri: site.uri, range: site.range, message, fixes: fixes.length ? fixes : undefined });
      }
    }
  },
};
