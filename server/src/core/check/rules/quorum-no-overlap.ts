// Quorum sizes that cannot give the level, whatever the store does. N is the topology's replicas, W the
// acknowledgements a write waits for, R the replies a read waits for (`replication sync` is W = N, R = 1;
// `async` W = 1, R = 1). What each level needs:
//
// - One order of all writes (sequential, linearizable, strict serializable) needs write quorums that meet:
//   2W > N. With 2W ≤ N two writes can commit on disjoint replicas (leaderless), or a write acknowledged by W
//   replicas can be missing from the majority that elects the next leader, which then orders other writes
//   first (Raft and Zab commit on a majority for this reason).
// - Linearizable and strict serializable reads must see every write that completed before they began
//   (Herlihy & Wing 1990; Jepsen, "Linearizability"): every read set must meet every write set, R + W > N,
//   whether or not sessions are sticky.
// - Sequential consistency needs one order that keeps each client's own order, not real time (Lamport 1979;
//   Jepsen, "Sequential consistency"): a read may miss another client's completed write, so R + W ≤ N is fine
//   as long as each session's reads follow its own operations. Sticky sessions (the default) do that — ZooKeeper
//   answers reads from the server a client is connected to, and a session's zxid keeps a server it moves to from
//   answering before it has caught up (ZooKeeper Programmer's Guide, "Consistency Guarantees"). With
//   `sessions roaming`, a session's read can reach replicas that lack its own write: then R + W > N is needed.
// - Session guarantees, causal, bounded and weaker levels do not need overlapping quorums; what they need of
//   sessions is `session-guarantee-unsupported`'s and `staleness-*`'s concern.
//
// The verdict is the same whether a setting is written out or defaulted: the default replication of these
// levels is a majority for both (never reported), and `sessions sticky` is the default.
//
// Fixes keep the design working: reading from more replicas (R + W > N) before writing to more, since a write
// quorum of N stops every write when one replica is down (a fix that does so says it in its title); for a
// linearizable claim with sticky local reads, declaring what the design gives (`sequential`); for roaming
// sequential sessions, making them sticky.
import { branches, originKey, replicationProp, type Branch } from '../branches';
import type { Fix } from '../../diagnostic';
import { needsConsensus } from '../../model/levels';
import type { Rule } from '../rule';
import { replaceFix, siteOf } from '../sites';
import { majority } from '../../util/quorum';
import type { Range } from '../../util/range';
import { plural } from '../../util/plural';

/** A quorum size some replicas can meet: a whole number from 1 to N. */
const fits = (x: number, n: number) => Number.isInteger(x) && x >= 1 && x <= n;

/** What a quorum pair tolerates, for fix titles. */
function tolerance(w: number, r: number, n: number): string {
  const down = n - Math.max(w, r);
  if (down === 0) return `${Math.max(w, r) === w ? 'writes' : 'reads'} stop when any replica is down`;
  return `up with ${down} of ${n} replicas down`;
}

interface Miss {
  n: number;
  w: number;
  r: number;
  readsMiss: boolean;
  writesMiss: boolean;
}

const sticky = 'Keep sessions sticky (a session stays with, or waits for, a replica that has its writes)';
const sequential = 'Declare `consistency sequential`: what majority writes with sticky local reads give';

function fixesFor(b: Branch, m: Miss, uri: string, range: Range): Fix[] {
  const { n, w, r, readsMiss, writesMiss } = m;
  const fixes: Fix[] = [];
  const add = (fw: number, fr: number, title: string) => {
    const text = `quorum write ${fw} read ${fr}`;
    if (fw > n || fr > n || fixes.some((f) => f.edits[0].newText === text)) return;
    fixes.push({ title: `${title} (${tolerance(fw, fr, n)})`, edits: [{ uri, range, newText: text }] });
  };
  const fw = writesMiss ? majority(n) : w;
  const fr = readsMiss || fw + r <= n ? Math.max(r, n - fw + 1) : r;
  if (readsMiss && !writesMiss) add(fw, fr, `Read from ${fr} of ${n} replicas: \`quorum write ${fw} read ${fr}\``);
  else add(fw, fr, `Use \`quorum write ${fw} read ${fr}\``);
  const level = b.effective.level!;
  const sessions = b.effective.sessions;
  if (readsMiss && sessions?.value === 'roaming') {
    const site = siteOf(b.data, sessions, (p) => (p.kind === 'sessions' ? p.mode?.range : undefined));
    if (site?.own) fixes.push(replaceFix(sticky, site.uri, site.range, 'sticky'));
  }
  const own = b.props.consistency;
  const claimOnly = level.value.name === 'linearizable' && !level.tier && !b.effective.tierFloor;
  if (readsMiss && !writesMiss && claimOnly && sessions?.value !== 'roaming' && own?.level) {
    fixes.push(replaceFix(sequential, b.data.origin.uri, own.level.range, 'sequential'));
  }
  add(majority(n), majority(n), `Use majority quorums: \`quorum write ${majority(n)} read ${majority(n)}\``);
  return fixes;
}

/** `quorum write 3 read 1`, `async (W = 1, R = 1)`, `sync (W = N = 3, R = 1)`: the setting in a message. */
function shown(mode: string, w: number, r: number, n: number): string {
  if (mode === 'async') return `replication async\` (W = 1, R = 1)`;
  if (mode === 'sync') return `replication sync\` (W = N = ${n}, R = 1)`;
  return `quorum write ${w} read ${r}\``;
}

export const rule: Rule = {
  code: 'quorum-no-overlap',
  check({ model, report }) {
    for (const data of model.data.values()) {
      const n = data.topology?.totalReplicas;
      if (!n) continue;
      let done: Set<string> | undefined; // made at the first report: most data types have none
      for (const b of branches(data)) {
        const { level, replication: rep } = b.effective;
        const at = replicationProp(b);
        if (!level || !rep || !at || !at.prop.mode || !needsConsensus(level.value)) continue;
        const { w, r, mode } = rep.value;
        if (!fits(w, n) || !fits(r, n)) continue; // quorum-too-large
        const realTime = level.value.guarantees.has('real_time');
        const roaming = b.effective.sessions?.value === 'roaming';
        const writesMiss = 2 * w <= n;
        const readsMiss = r + w <= n && (realTime || roaming);
        if (!writesMiss && !readsMiss) continue;
        const key = `${originKey(rep)}|${level.value.display}|${roaming}`;
        if (done?.has(key)) continue;
        (done ??= new Set()).add(key);
        const { prop, uri } = at;
        const start = prop.mode!.range.start;
        const end = Math.max(prop.mode!.range.end, prop.write?.range.end ?? 0, prop.read?.range.end ?? 0);
        const range = { start, end };
        const over = `${n} replicas of topology '${data.topology!.name}'`;
        const why: string[] = [];
        if (readsMiss && realTime) {
          why.push(
            `lets a read miss a completed write: R + W = ${r} + ${w} = ${r + w} ≤ N = ${n}; ` +
              `a ${level.value.name} read meets every write only when R + W > N`,
          );
        } else if (readsMiss) {
          why.push(
            'lets a roaming session (`sessions roaming`) read from replicas that miss its own completed write: ' +
              `R + W = ${r} + ${w} = ${r + w} ≤ N = ${n}; ` +
              'sequential needs each session to see its own operations: sticky sessions, or R + W > N',
          );
        }
        if (writesMiss) {
          const acked = `a write acknowledged by ${plural(w, 'replica')}`;
          why.push(
            `lets two writes commit on disjoint replicas, or ${acked} be missing ` +
              'from the majority that elects the next leader: ' +
              `2 × W = 2 × ${w} = ${2 * w} ≤ N = ${n}; one order of writes needs W > N/2`,
          );
        }
        const head = `${b.label} is ${level.value.display}, but \`${shown(mode, w, r, n)}`;
        report({
          uri,
          range,
          message: `${head} over the ${over} ${why.join('; and it ')}.`,
          fixes: fixesFor(b, { n, w, r, readsMiss, writesMiss }, uri, range),
        });
      }
    }
  },
};
