// Resolves a `scenario` block: its data types and regions bound (unresolved ones go to unknown-reference),
// its numbers checked (bad-scenario), its settings kept for the simulator (core/simulate/from-model.ts).
import { overLimit } from './limits';
import { grouped, limits } from '../util/limits';
import type { Diagnostic, Fix } from '../diagnostic';
import type * as A from '../syntax/ast';
import type { Range } from '../util/range';
import { formatDuration, formatPercent } from '../syntax/units';
import type { PolicyModel, Reference, ScenarioFaultModel, ScenarioModel } from './model';
import { setTwice } from './props';

/** A scenario without `duration` runs this long (ms). */
export const defaultScenarioDurationMs = 10_000;

export function buildScenario(
  decl: A.ScenarioDecl,
  uri: string,
  model: PolicyModel,
  refer: (r: Reference) => void,
  diagnostics: Diagnostic[],
): ScenarioModel {
  const bad = (range: Range, message: string, severity: Diagnostic['severity'] = 'error', fixes?: Fix[]) =>
    diagnostics.push({ code: 'bad-scenario', severity, uri, range, message, fixes });
  const s: ScenarioModel = {
    name: decl.name?.text ?? '',
    origin: { uri, range: decl.name?.range ?? decl.range },
    decl,
    data: [],
    faults: [],
  };
  const seen = new Map<string, A.ScenarioProp>();
  for (const p of decl.body) {
    const earlier = seen.get(p.kind);
    if (earlier && p.kind !== 'fault')
      diagnostics.push(
        setTwice(
          'duplicate-property',
          `'${p.kind}' is set twice in this scenario; the later value wins.`,
          p.kind,
          uri,
          p.keyword,
          earlier.range,
        ),
      );
    seen.set(p.kind, p);
  }

  const dataProp = seen.get('data') as Extract<A.ScenarioProp, { kind: 'data' }> | undefined;
  for (const n of dataProp?.names ?? []) {
    const data = model.data.get(n.text);
    refer({ kind: 'data', name: n.text, uri, range: n.range, target: data?.origin });
    if (data && !s.data.includes(data)) s.data.push(data);
  }
  if (!dataProp && decl.name)
    bad(decl.name.range, `Scenario '${decl.name.text}' exercises no data types: add \`data <name>, …\`.`);
  const topologies = s.data.map((d) => d.topology).filter((t, i, all) => t && all.indexOf(t) === i);
  const region = (n: A.Name) => {
    const t = topologies.find((x) => x!.regions.has(n.text));
    refer({
      kind: 'region',
      name: n.text,
      uri,
      range: n.range,
      target: t?.regions.get(n.text)?.origin,
      scope: topologies[0]?.name,
    });
    return n.text;
  };

  for (const p of seen.values()) {
    switch (p.kind) {
      case 'duration':
        if (p.value && !(p.value.value > 0))
          bad(p.value.range, `A scenario's duration must be above 0; got ${p.value.text}.`);
        else if (p.value) s.durationMs = p.value.value;
        break;
      case 'load':
        if (p.rate) s.load = { perSec: p.rate.value };
        if (p.reads && !(p.reads.value >= 0 && p.reads.value <= 100))
          bad(p.reads.range, `Reads are a share between 0% and 100%; got ${p.reads.text}.`);
        else if (p.rate && p.reads) s.load!.readsPct = p.reads.value;
        break;
      case 'clients':
        if (p.count && p.count.value > limits.clients) {
          const what = `\`clients ${p.count.text}\``;
          diagnostics.push(overLimit(uri, p.count.range, 'clients', what, 'it is not read (the default applies)'));
        } else s.clients = clients(p, region, bad);
        break;
      case 'seed':
      case 'keys':
        if (p.kind === 'keys' && p.value && p.value.value > limits.keys) {
          const what = `\`keys ${p.value.text}\``;
          diagnostics.push(overLimit(uri, p.value.range, 'keys', what, 'it is not read (the default applies)'));
        } else if (
          p.value &&
          !(
            Number.isInteger(p.value.value) &&
            p.value.value >= (p.kind === 'seed' ? 0 : 1) &&
            p.value.value <= (p.kind === 'seed' ? 0xffffffff : limits.keys)
          )
        ) {
          bad(
            p.value.range,
            p.kind === 'seed'
              ? `A seed is a whole number from 0 to 4294967295; got ${p.value.text}.`
              : `Keys are a whole number from 1 to 1,000,000; got ${p.value.text}.`,
          );
        } else if (p.value) s[p.kind] = p.value.value;
        break;
      case 'timeout':
        if (p.value && !(p.value.value > 0)) bad(p.value.range, `A timeout must be above 0; got ${p.value.text}.`);
        else if (p.value) s.timeoutMs = p.value.value;
        break;
      case 'election':
        if (p.value && !(p.value.value > 0))
          bad(p.value.range, `An election timeout must be above 0; got ${p.value.text}.`);
        else if (p.value) s.electionMs = p.value.value;
        break;
      case 'visibility': {
        const neg = p.points.find((x) => !(x.value >= 0));
        if (neg) bad(neg.range, `A t-visibility point is a delay of 0 or more after a commit; got ${neg.text}.`);
        else s.visibilityAtMs = [...new Set(p.points.map((x) => x.value))].sort((a, b) => a - b);
        break;
      }
    }
  }
  const endMs = s.durationMs ?? defaultScenarioDurationMs;
  const ops = (s.load?.perSec ?? 0) * (endMs / 1000);
  const loadProp = seen.get('load') as Extract<A.ScenarioProp, { kind: 'load' }> | undefined;
  if (ops > limits.operations && loadProp?.rate) {
    const what = `\`load ${loadProp.rate.text}\` for ${formatDuration(endMs)}, ${grouped(ops)} operations,`;
    const perSec = limits.operations / (endMs / 1000);
    const instead = `the load is modelled as ${grouped(perSec)}/s`;
    diagnostics.push(overLimit(uri, loadProp.rate.range, 'operations', what, instead));
    s.load = { ...s.load!, perSec };
  }
  for (const p of decl.body) {
    if (p.kind !== 'fault' || !p.at || !p.for) continue;
    const f = fault(p, region, bad);
    if (!f) continue;
    if (f.atMs >= endMs)
      bad(
        p.at.range,
        `This fault starts at ${formatDuration(f.atMs)}, when the load has already stopped ` +
          `(the scenario runs ${formatDuration(endMs)}); no operation will see it.`,
        'warning',
      );
    s.faults.push(f);
  }
  return s;
}

type Bad = (range: Range, message: string, severity?: Diagnostic['severity'], fixes?: Fix[]) => void;

function clients(
  p: Extract<A.ScenarioProp, { kind: 'clients' }>,
  region: (n: A.Name) => string,
  bad: Bad,
): ScenarioModel['clients'] {
  const count = p.count?.value ?? 0;
  if (p.count && !(Number.isInteger(count) && count >= 1 && count <= 1_000_000)) {
    bad(p.count.range, `Clients are a whole number from 1 to 1,000,000; got ${p.count.text}.`);
    return undefined;
  }
  if (p.regions.length === 0) return p.count ? { count } : undefined;
  const withShare = p.regions.filter((r) => r.share);
  if (withShare.length > 0 && withShare.length < p.regions.length) {
    bad(p.regions.find((r) => !r.share)!.range, 'Give every region of `clients` a share, or none (even shares).');
    return undefined;
  }
  const total = withShare.reduce((sum, r) => sum + r.share!.value, 0);
  if (withShare.length && Math.abs(total - 100) > 1e-9) {
    bad(p.keyword, `Client shares add up to ${formatPercent(total)}, not 100%; they are scaled to 100%.`, 'warning');
  }
  if (withShare.length && !(total > 0)) {
    bad(p.keyword, 'Client shares add up to 0%: no client would run.');
    return undefined;
  }
  return { count, regions: p.regions.map((r) => ({ region: region(r.name), share: r.share?.value ?? 1 })) };
}

function fault(
  p: Extract<A.ScenarioProp, { kind: 'fault' }>,
  region: (n: A.Name) => string,
  bad: Bad,
): ScenarioFaultModel | undefined {
  const atMs = p.at!.value;
  const forMs = p.for!.value;
  const range = p.range;
  if (p.fault === 'crash')
    return p.region ? { kind: 'crash', region: region(p.region), atMs, forMs, range } : undefined;
  if (p.fault === 'slow') {
    if (!p.a || !p.b || !p.by) return undefined;
    const by = p.by;
    if (by.kind === 'multiplier' && !(by.value >= 1)) {
      bad(by.range, `A slow link is at least 1x as slow; got ${by.text} (a faster link is not a fault).`);
      return undefined;
    }
    const slow = by.kind === 'multiplier' ? { factor: by.value } : { addMs: by.value };
    return { kind: 'slow', a: region(p.a), b: region(p.b), atMs, forMs, ...slow, range };
  }
  const sides = p.sides.map((side) => side.map(region));
  if (sides.length < 2) {
    const names = p.sides.flat();
    bad(
      names.length ? { start: names[0].range.start, end: names[names.length - 1].range.end } : p.keyword,
      'A partition needs at least two sides: `fault partition mumbai | delhi, chennai at … for …`.',
    );
    return undefined;
  }
  const seenAt = new Map<string, number>();
  for (let i = 0; i < p.sides.length; i++)
    for (const n of p.sides[i]) {
      const j = seenAt.get(n.text);
      if (j !== undefined && j !== i) {
        bad(n.range, `Region '${n.text}' is on two sides of this partition.`);
        return undefined;
      }
      seenAt.set(n.text, i);
    }
  return { kind: 'partition', sides, atMs, forMs, range };
}
