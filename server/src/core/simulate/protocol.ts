// The protocols a replica group runs, named as the systems that run them, and the sentences that state
// them in a run's assumptions. Which one a data type gets: group.ts; the rules: docs/simulation.md.
import { plural } from '../util/plural';

/** How writes are ordered. `log`: one leader's replicated log (Raft / Multi-Paxos / primary–standby), with
 *  failover; `multi`: several primaries, each ordering its region's writes; `leaderless`: Dynamo-style
 *  coordinators; `regional`: each region's own leader, replicated asynchronously to the others. */
export type WriteMode = 'log' | 'multi' | 'leaderless' | 'regional';

/** How reads are served. `lease`: at the leader, from committed state, while its lease holds; `abd`: a read
 *  quorum whose newest version is written back to a write quorum before returning (Attiya–Bar-Noy–Dolev);
 *  `sticky`: at the session's own replica, which shows committed writes in log order (ZooKeeper);
 *  `quorum`: the first R replies of a read quorum, newest wins (Dynamo, PBS); `local`: a replica of the
 *  client's region, behind the session token or staleness bound when the level has one. */
export type ReadMode = 'lease' | 'abd' | 'sticky' | 'quorum' | 'local';

export interface ProtocolInput {
  name: string;
  writeMode: WriteMode;
  readMode: ReadMode;
  regions: string[];
  leaders: number[];
  w: number;
  r: number;
  n: number;
  randomQuorums: boolean;
  prefer: 'consistency' | 'availability';
  electionMs: number;
}

export function protocolNotes(p: ProtocolInput): string[] {
  const leaders = p.leaders.map((l) => p.regions[l]).join(', ');
  const random = p.randomQuorums
    ? `${plural(p.w, 'random replica')} (non-expanding quorums, as in PBS: the others never get it)`
    : `all ${p.n} replicas`;
  const writes: Record<WriteMode, string> = {
    log:
      `writes go through one leader's log (led from ${leaders}; Raft-style): the leader appends, ` +
      `replicates to every replica and commits at ${plural(p.w, 'acknowledgement')} (its own included), ` +
      `in log order; a write is visible at the leader only once committed. ` +
      `A leader that crashes or is cut off from a majority keeps its lease for ${p.electionMs} ms; ` +
      `then the majority side elects the most up-to-date replica ` +
      `(election timeout ${p.electionMs} ms plus a round trip, then a round trip to commit its log); ` +
      `replicas that rejoin adopt the new leader's log`,
    multi:
      `each of the primaries ${leaders} orders the writes of the clients nearest to it, replicates to every replica ` +
      `and commits at ${plural(p.w, 'acknowledgement')}; ` +
      `a client whose primary is down or cut off uses the nearest one it reaches; ` +
      `concurrent writes are resolved by the conflict strategy`,
    leaderless:
      `leaderless writes (Dynamo-style): a coordinator in the client's region sends each write to ${random} ` +
      `and commits at ${plural(p.w, 'acknowledgement')}`,
    regional:
      'each region leads its own writes (committed by a majority of its replicas) ' +
      'and replicates them asynchronously to the other regions',
  };
  const reads: Record<ReadMode, string> = {
    lease:
      `reads at the ${p.writeMode === 'regional' ? "client's regional leader" : 'leader'}, from committed state, ` +
      `while it holds its lease (as etcd, CockroachDB and Spanner serve lease reads)`,
    abd:
      `quorum reads with write-back (ABD): the newest of the first ${p.r} replies is written back to ${p.w} replicas ` +
      `before the read returns, unless ${p.w} of the replies already hold it`,
    sticky:
      "reads at the session's own replica in its region, which shows only committed writes, in log order; " +
      "a write returns once that replica has applied it (ZooKeeper's sequential consistency)",
    quorum: p.randomQuorums
      ? `reads ask ${plural(p.r, 'random replica')} and take the newest reply`
      : `reads ask all ${p.n} replicas and take the newest of the first ${p.r} replies (no read repair)`,
    local: "reads at a random replica of the client's region",
  };
  const out = [`${p.name}: ${writes[p.writeMode]}`, `${p.name}: ${reads[p.readMode]}`];
  if (p.prefer === 'availability') {
    out.push(
      p.writeMode === 'log'
        ? `${p.name}: prefer availability: a read that gets no answer within half its timeout is retried once ` +
            `at a replica the client reaches (counted as a fallback, without session or staleness guarantees); ` +
            `a write cannot be taken away from the leader, so it waits for the leader or fails`
        : `${p.name}: prefer availability: an operation that gets no answer within half its timeout is retried once ` +
            `in the nearest region the client reaches ` +
            `(a fallback: counted, and judged apart from the level's promises)`,
    );
  }
  return out;
}
