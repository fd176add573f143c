// Hover text of topologies, regions and links: replicas, and the round trips (direct or over links)
// between regions, with jitter and the fibre floor where the regions can be located.
import { ms } from '../core/estimate/format';
import { fibreFloor } from '../core/geo/region-location';
import type { LinkModel, TopologyModel } from '../core/model/model';
import { formatCount } from '../core/estimate/format';
import { describeDistribution } from '../core/simulate/index';
import { quantileOf } from '../core/model/delay';
import { majority } from '../core/util/quorum';
import { plural } from '../core/util/plural';

export function topologyMarkdown(t: TopologyModel): string {
  const n = t.totalReplicas;
  const primaries = [...t.regions.values()].filter((r) => r.primary).map((r) => r.name);
  return [
    `**topology ${t.name}** · ${plural(t.regions.size, 'region')} · ${plural(n, 'replica')} (majority ${majority(n)})`,
    ...(primaries.length ? ['', `Primary: ${primaries.join(', ')}.`] : []),
    '',
    ...[...t.regions.values()].map((r) => `- ${r.name}: ${plural(r.replicas, 'replica')}`),
  ].join('\n');
}

export function regionMarkdown(t: TopologyModel, name: string): string {
  const region = t.regions.get(name);
  if (!region) return `**region ${name}**: not declared in topology ${t.name}.`;
  const head =
    `**region ${name}** · topology ${t.name} · ` +
    `${plural(region.replicas, 'replica')}${region.primary ? ' · primary' : ''}`;
  const others = [...t.regions.keys()].filter((o) => o !== name);
  if (others.length === 0) return head;
  const via = (o: string) =>
    t.path(name, o).length > 1 ? `via ${viaRegions(name, t.path(name, o)).join(', ')}` : 'direct';
  const paths = others.some((o) => t.path(name, o).length > 1);
  const rows = others.map((o) => {
    const rtt = t.rtt(name, o);
    if (rtt === undefined) return `| ${o} | unreachable | |${paths ? ' |' : ''}`;
    const jitter = t.jitter(name, o);
    return (
      `| ${o} | ${ms(rtt)} ms${jitter ? ` ± ${ms(jitter)}` : ''} ` +
      `| ${ms(rtt / 2)} ms |${paths ? ` ${via(o)} |` : ''}`
    );
  });
  const header = paths
    ? ['| to | round trip | one way | path |', '|:--|--:|--:|:--|']
    : ['| to | round trip | one way |', '|:--|--:|--:|'];
  return [head, '', ...header, ...rows].join('\n');
}

/** The regions a multi-link path passes through, between its ends. */
function viaRegions(from: string, hops: LinkModel[]): string[] {
  const out: string[] = [];
  let at = from;
  for (const l of hops.slice(0, -1)) {
    at = l.a === at ? l.b : l.a;
    out.push(at);
  }
  return out;
}

export function linkMarkdown(t: TopologyModel, l: LinkModel): string {
  const lines = l.dist
    ? [
        `**link ${l.a} ↔ ${l.b}** · round trip \`${describeDistribution(l.dist)}\`: median ` +
          `${ms(l.rttMs)} ms, p99 ${ms(quantileOf(l.dist, 0.99))} ms (the estimates read it ` +
          `as ${ms(l.rttMs)} ms with jitter ${ms(l.jitterMs)} ms; the simulator samples it)`,
      ]
    : [
        `**link ${l.a} ↔ ${l.b}** · round trip ${ms(l.rttMs)} ms (one way ` +
          `${ms(l.rttMs / 2)} ms)${l.jitterMs ? ` · jitter ${ms(l.jitterMs)} ms` : ''}`,
      ];
  const best = t.rtt(l.a, l.b);
  if (best !== undefined && best < l.rttMs)
    lines.push('', `A faster path exists between ${l.a} and ${l.b}: ${ms(best)} ms over other links.`);
  const a = t.regions.get(l.a);
  const b = t.regions.get(l.b);
  const floor = a && b ? fibreFloor(a, b) : undefined;
  if (floor)
    lines.push(
      '',
      `Fibre floor: ${formatCount(floor.km)} km great-circle → at least ${ms(floor.rttMs)} ms round trip.`,
    );
  return lines.join('\n');
}
