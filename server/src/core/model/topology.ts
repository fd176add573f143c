// Builds a topology's regions and links, and answers round-trip questions over them (shortest paths, paths.ts).
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import type { Range } from '../util/range';
import { quantileOf, Z99 } from './delay';
import { closest } from '../util/suggest';
import { readDistribution } from './distributions';
import { shortestPaths } from './paths';
import { overLimit, upTo } from './limits';
import { grouped, limits } from '../util/limits';
import type { LinkModel, RegionModel, ReplicaOp, TopologyModel } from './model';

/** The one region assumed when a data type names no topology. */
export const assumedRegion = 'local';

const replicaOps: ReplicaOp[] = ['write', 'ack', 'read', 'response', 'service', 'capacity'];

export function buildTopology(decl: A.TopologyDecl, uri: string, diagnostics: Diagnostic[]): TopologyModel {
  const regions = new Map<string, RegionModel>();
  const at = (x: { range: Range }) => ({ uri, range: x.range });
  const what = (n: string) => `This topology's ${n} regions`;
  const declared = upTo(decl.regions, 'regions', (r) => at(r.name ?? r), what, diagnostics);
  let total = 0;
  for (const r of declared) {
    if (!r.name || regions.has(r.name.text)) continue; // duplicates are reported by the duplicate-name rule
    let replicas = r.replicas?.value ?? 1;
    if (r.replicas && (!Number.isInteger(replicas) || replicas < 1)) {
      diagnostics.push(
        diagnostic({
          code: 'bad-replica-count',
          uri,
          range: r.replicas.range,
          message: `A region needs a whole number of replicas, at least 1; got ${r.replicas.text}.`,
        }),
      );
    }
    replicas = clampReplicas(r, Math.max(1, Math.floor(replicas)), total, uri, diagnostics);
    total += replicas;
    const rtt = r.rtt
      ? { kind: 'fixed' as const, value: r.rtt.value }
      : r.rttDist && readDistribution(r.rttDist, uri, diagnostics);
    const origin = { uri, range: r.name.range };
    const region: RegionModel = { name: r.name.text, origin, decl: r, replicas, primary: !!r.primary, memo: undefined };
    if (rtt) region.rtt = rtt; // present only when written
    regions.set(r.name.text, region);
  }
  const links: LinkModel[] = [];
  for (const l of upTo(decl.links, 'links', at, (n) => `This topology's ${n} links`, diagnostics)) {
    if (!l.a || !l.b) continue;
    const origin = { uri, range: l.range };
    if (l.rtt) {
      links.push({ a: l.a.text, b: l.b.text, rttMs: l.rtt.value, jitterMs: l.jitter?.value ?? 0, origin, decl: l });
      continue;
    }
    const dist = l.dist && readDistribution(l.dist, uri, diagnostics);
    if (!dist) continue;
    if (l.jitter) {
      diagnostics.push(
        diagnostic({
          code: 'bad-distribution',
          uri,
          range: l.jitter.range,
          message:
            `A link with a distribution of round trips takes no jitter: ` +
            `the distribution already says how they vary.`,
          fixes: [
            {
              title: 'Remove the jitter',
              edits: [{ uri, range: { start: l.dist!.range.end, end: l.jitter.range.end }, newText: '' }],
            },
          ],
        }),
      );
    }
    // The estimates read a distribution by its median and its spread to p99 (as a normal's sd), to the µs.
    const us = (x: number) => Math.round(x * 1000) / 1000;
    const median = quantileOf(dist, 0.5);
    links.push({
      a: l.a.text,
      b: l.b.text,
      rttMs: us(median),
      jitterMs: us(Math.max(0, (quantileOf(dist, 0.99) - median) / Z99)),
      dist,
      origin,
      decl: l,
    });
  }
  const work: TopologyModel['work'] = {};
  let capacityPerSec: number | undefined;
  for (const w of decl.work) {
    if (!w.op) continue;
    const op = w.op.text as ReplicaOp;
    if (!replicaOps.includes(op)) {
      const near = closest(w.op.text, replicaOps);
      diagnostics.push(
        diagnostic({
          code: 'unknown-replica-work',
          uri,
          range: w.op.range,
          message:
            `Unknown replica work '${w.op.text}'; use ${replicaOps.join(', ')}.` +
            `${near ? ` Did you mean '${near}'?` : ''}`,
          fixes: near
            ? [{ title: `Change to '${near}'`, edits: [{ uri, range: w.op.range, newText: near }] }]
            : undefined,
        }),
      );
      continue;
    }
    if (op === 'capacity') {
      if (w.fixed?.kind === 'rate' && w.fixed.value > 0) capacityPerSec = w.fixed.value;
      else
        diagnostics.push(
          diagnostic({
            code: 'bad-distribution',
            uri,
            range: (w.fixed ?? w.dist ?? w.op).range,
            message:
              `A replica's capacity is a rate of operations, e.g. \`replica capacity 1200/s\`; ` +
              `got ${w.fixed?.text ?? 'a distribution'}.`,
          }),
        );
      continue;
    }
    if (w.fixed && w.fixed.kind !== 'duration') {
      diagnostics.push(
        diagnostic({
          code: 'bad-distribution',
          uri,
          range: w.fixed.range,
          message:
            `A replica's ${op} time is a duration or a distribution, e.g. \`replica ${op} 2ms\`; ` +
            `got ${w.fixed.text}.`,
        }),
      );
      continue;
    }
    const dist = w.fixed
      ? { kind: 'fixed' as const, value: w.fixed.value }
      : w.dist && readDistribution(w.dist, uri, diagnostics);
    if (dist) work[op] = dist;
  }
  const index = new Map<string, number>();
  for (const n of regions.keys()) index.set(n, index.size);
  const joined: { i: number; j: number; link: LinkModel }[] = [];
  for (const link of links) {
    const i = index.get(link.a);
    const j = index.get(link.b);
    if (i !== undefined && j !== undefined) joined.push({ i, j, link });
  }
  const paths = shortestPaths(index.size, joined);
  let totalReplicas = 0;
  const primaries: string[] = [];
  for (const r of regions.values()) {
    totalReplicas += r.replicas;
    if (r.primary) primaries.push(r.name);
  }
  return {
    name: decl.name?.text ?? '',
    origin: { uri, range: decl.name?.range ?? decl.range },
    decl,
    regions,
    links,
    totalReplicas,
    primaries,
    work,
    memo: undefined,
    ...(capacityPerSec !== undefined ? { capacityPerSec } : {}),
    rtt(a, b) {
      const i = index.get(a);
      const j = index.get(b);
      return i === undefined || j === undefined ? undefined : paths.rtt(i, j);
    },
    jitter(a, b) {
      const i = index.get(a);
      const j = index.get(b);
      return i === undefined || j === undefined ? 0 : paths.jitter(i, j);
    },
    path(a, b) {
      const i = index.get(a);
      const j = index.get(b);
      return i === undefined || j === undefined ? [] : paths.path(i, j);
    },
  };
}

/** A region's replicas, at most the per-region limit and what the topology's limit leaves (at least 1). */
function clampReplicas(r: A.Region, replicas: number, before: number, uri: string, diagnostics: Diagnostic[]): number {
  const range = r.replicas?.range ?? r.range;
  if (replicas > limits.replicasPerRegion) {
    const what = `\`replicas ${r.replicas?.text}\``;
    const modelled = `the region is modelled with ${grouped(limits.replicasPerRegion)}`;
    diagnostics.push(overLimit(uri, range, 'replicasPerRegion', what, modelled));
    replicas = limits.replicasPerRegion;
  }
  const left = Math.max(1, limits.replicasPerTopology - before);
  if (replicas > left && before + replicas > limits.replicasPerTopology) {
    const what = `With this region's ${grouped(replicas)}, the topology's ${grouped(before + replicas)} replicas`;
    const instead = `the region is modelled with ${grouped(left)}`;
    diagnostics.push(overLimit(uri, range, 'replicasPerTopology', what, instead));
    return left;
  }
  return replicas;
}
