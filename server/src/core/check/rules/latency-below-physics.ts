// A latency SLA tighter than the topology physically allows for the level: the round trips the level needs
// (to the leader, to the W-th replica acknowledgement, to a read quorum) already exceed the bound, before any
// time is spent inside the store. The round trips are the topology's declared links (themselves checked
// against light in fibre), so a bound below them cannot hold: an error.
//
// At a tail percentile the link jitter counts too, read as a normal spread (z × jitter at p99). That reading
// is an assumption about the shape of the delay, so a bound that only the jitter pushes over is reported one
// severity milder, as a warning.
import { estimateWith } from '../../estimate/estimate';
import { durationText, placeOf, propertyOf, roundUpNice } from '../../estimate/fix-support';
import { ms } from '../../estimate/format';
import { latencyAt, physicalAt, type ClientTrip, type LatencyPlan } from '../../estimate/latency';
import { isCentral, zAt, type Pct } from '../../estimate/percentile';
import type { Fix } from '../../diagnostic';
import { implies, namedLevel, type Level } from '../../model/levels';
import type { DataModel, LatencyBound, PolicyModel, Sourced } from '../../model/model';
import type { Rule } from '../rule';

const shortLevel = (display: string) => display.replace(/ \(.*\)$/, '');

function tripText(t: ClientTrip): string {
  if (t.legs.length === 1)
    return `from ${t.client}, ${t.legs[0].label} ${ms(t.rttMs)} ms round trip (${t.legs[0].role})`;
  return (
    `from ${t.client}, ` +
    `${t.legs.map((l) => `${l.label} ${ms(l.rttMs)} ms (${l.role})`).join(' + ')} = ${ms(t.rttMs)} ms round trip`
  );
}

function physicsText(plan: LatencyPlan, p: Pct, pText: string): string {
  const phys = physicalAt(plan, p);
  const t = phys.trip!;
  if (isCentral(p)) {
    return (
      `${ms(phys.ms)} ms of round trips on average over ${plan.trips.length} ` +
      `client region${plan.trips.length > 1 ? 's' : ''}, the worst ${tripText(t)}`
    );
  }
  const z = zAt(p);
  const jit =
    t.jitterMs > 0 ? ` (+ jitter ${ms(t.jitterMs)} ms at ${pText} ≈ ${ms(z * t.jitterMs)} ms) ≥ ${ms(phys.ms)} ms` : '';
  return `${tripText(t)}${jit}`;
}

/** A weaker level that still meets every tier and brings the physical part within the bound, if any. */
function weakerLevel(model: PolicyModel, data: DataModel, current: Level, b: LatencyBound): Level | undefined {
  if (!data.props.consistency?.level || data.effective.level?.tier) return undefined;
  const floor = data.effective.tierFloor?.value;
  const target = floor ?? namedLevel('session');
  if (!implies(current, target) || implies(target, current)) return undefined;
  const alt = estimateWith(data, model, { level: target });
  const plan = b.op === 'read' ? alt.readPlan : alt.writePlan;
  return plan && physicalAt(plan, b.percentile).ms <= b.boundMs ? target : undefined;
}

function check(
  model: PolicyModel,
  data: DataModel,
  s: Sourced<LatencyBound>,
  plan: LatencyPlan,
  levelDisplay: string,
  report: Parameters<Rule['check']>[0]['report'],
) {
  const b = s.value;
  const phys = physicalAt(plan, b.percentile);
  if (!(b.boundMs < phys.ms - 1e-9)) return;
  // The round trips alone, without jitter: the worst client region's (the mean over regions for p50/avg).
  let roundTrips = 0;
  if (isCentral(b.percentile)) roundTrips = phys.ms;
  else for (const t of plan.trips) roundTrips = Math.max(roundTrips, t.rttMs);
  const onlyJitter = b.boundMs >= roundTrips - 1e-9;
  const place = placeOf(model, data, s);
  const prop = propertyOf(data, place, s, 'latency');
  const written = prop
    ? `latency ${b.op} ${b.percentileText} ${prop.node.comparator ?? '<='} ${b.boundText}`
    : `latency ${b.op} ${b.percentileText} <= ${b.boundText}`;
  const level = shortLevel(levelDisplay);
  const message =
    `${level} ${b.op}s in \`${data.name}\` ${plan.needs}: ` +
    `${physicsText(plan, b.percentile, b.percentileText)}, but ${place.setBy}\`${written}\``;
  const fixes: Fix[] = [];
  const estimate = latencyAt(plan, b.percentile);
  const relaxed = roundUpNice(estimate);
  if (place.editable && prop?.node.bound) {
    fixes.push({
      title:
        `Relax to \`latency ${b.op} ${b.percentileText} <= ${durationText(relaxed)}\` ` +
        `(estimate ≈ ${ms(estimate)} ms)${place.tier ? ` in tier \`${place.tier.name}\`` : ''}`,
      edits: [{ uri: prop.uri, range: prop.node.bound.range, newText: durationText(relaxed) }],
    });
  }
  const current = data.effective.level?.value;
  const weaker = current && weakerLevel(model, data, current, b);
  if (weaker && data.props.consistency?.level) {
    const text = weaker.display.includes(' (') ? weaker.name : weaker.display;
    const why = data.effective.tierFloor
      ? `tier \`${data.effective.tierFloor.tier}\` requires only ${text}`
      : `no tier requires ${level}`;
    fixes.push({
      title: `Weaken to \`consistency ${text}\` (${why})`,
      edits: [{ uri: data.origin.uri, range: data.props.consistency.level.range, newText: text }],
    });
  }
  const jitterNote = onlyJitter
    ? ` (the round trips alone, ${ms(roundTrips)} ms, fit: the jitter, read as a normal spread, does not)`
    : '';
  const all = `${message}${jitterNote}`;
  report({
    uri: place.uri,
    range: place.range,
    message: all,
    milder: onlyJitter,
    fixes: fixes.length ? fixes : undefined,
  });
}

export const rule: Rule = {
  code: 'latency-below-physics',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      if (data.effective.latency.length === 0) continue;
      const e = estimate(data);
      for (const s of data.effective.latency) {
        const plan = s.value.op === 'read' ? e.readPlan : e.writePlan;
        if (plan && plan.trips.length > 0) check(model, data, s, plan, e.level ?? 'eventual', report);
      }
    }
  },
};
