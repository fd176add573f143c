// Reads a written delay distribution (`lognormal(median 45ms, p99 80ms)`) into the simulator's
// Distribution: names, labelled or positional parameters, units per parameter, and the shape's own limits.
import { diagnostic, type Diagnostic } from '../diagnostic';
import { describe, problemOf, type Distribution } from './delay';
import type * as A from '../syntax/ast';
import { closest } from '../util/suggest';

type Param = { name: string; unit: 'duration' | 'number' };

const d = (name: string): Param => ({ name, unit: 'duration' });

/** Each shape's parameters, in positional order. */
export const distributionParams: Record<Exclude<Distribution['kind'], 'mix'>, Param[]> = {
  fixed: [d('value')],
  uniform: [d('min'), d('max')],
  normal: [d('mean'), d('sd')],
  lognormal: [d('median'), d('p99')],
  exponential: [d('mean')],
  pareto: [d('scale'), { name: 'shape', unit: 'number' }],
};

export const distributionNames = [...Object.keys(distributionParams), 'mix'];

/** The signature as documentation writes it, e.g. `lognormal(median 45ms, p99 80ms)`. */
export function signatureOf(kind: string): string {
  if (kind === 'mix') return 'mix(weight distribution, weight distribution, …)';
  const ps = distributionParams[kind as keyof typeof distributionParams];
  return ps ? `${kind}(${ps.map((p) => p.name).join(', ')})` : kind;
}

export function readDistribution(e: A.DistExpr, uri: string, diagnostics: Diagnostic[]): Distribution | undefined {
  const bad = (range: A.DistExpr['range'], message: string, fixes?: Diagnostic['fixes']) => {
    diagnostics.push(diagnostic({ code: 'bad-distribution', uri, range, message, fixes }));
    return undefined;
  };
  const kind = e.name.text;
  if (kind === 'mix') {
    const parts: { weight: number; dist: Distribution }[] = [];
    for (const a of e.args) {
      if (!a.dist || !a.value || a.value.kind !== 'count' || a.label)
        return bad(
          a.range,
          `Each part of a mix is a weight and a distribution, e.g. \`0.38 pareto(1.05ms, 1.51)\`; ` +
            `got \`${textOf(a)}\`.`,
        );
      const inner = readDistribution(a.dist, uri, diagnostics);
      if (!inner) return undefined;
      parts.push({ weight: a.value.value, dist: inner });
    }
    return check({ kind: 'mix', parts });
  }
  const params = distributionParams[kind as keyof typeof distributionParams];
  if (!params) {
    const near = closest(kind, distributionNames);
    return bad(
      e.name.range,
      `Unknown distribution '${kind}'; use ${distributionNames.join(', ')}.${near ? ` Did you mean '${near}'?` : ''}`,
      near ? [{ title: `Change to '${near}'`, edits: [{ uri, range: e.name.range, newText: near }] }] : undefined,
    );
  }
  const values = new Map<string, number>();
  let position = 0;
  for (const a of e.args) {
    if (a.dist)
      return bad(
        a.range,
        `${kind} takes numbers, not a distribution; mixtures are written mix(0.5 ${kind}(…), 0.5 …).`,
      );
    if (!a.value) return undefined; // a bad quantity was reported by the parser
    const p = a.label ? params.find((x) => x.name === a.label!.text) : params[position];
    if (!p) {
      return a.label
        ? bad(a.label.range, `${kind} has no parameter '${a.label.text}'; it takes ${signatureOf(kind)}.`)
        : bad(
            a.range,
            `${kind} takes ${params.length} parameter${params.length > 1 ? 's' : ''}: ${signatureOf(kind)}.`,
          );
    }
    if (values.has(p.name)) return bad(a.range, `${kind}'s ${p.name} is given twice.`);
    if (p.unit === 'duration' && a.value.kind !== 'duration')
      return bad(
        a.value.range,
        `${kind}'s ${p.name} is a duration such as \`${a.value.text}ms\`; \`${a.value.text}\` has no unit.`,
      );
    if (p.unit === 'number' && a.value.kind !== 'count')
      return bad(a.value.range, `${kind}'s ${p.name} is a plain number such as \`1.5\`, not \`${a.value.text}\`.`);
    values.set(p.name, a.value.value);
    position++;
  }
  const missing = params.filter((p) => !values.has(p.name));
  if (missing.length)
    return bad(e.range, `${kind} needs ${missing.map((p) => p.name).join(' and ')}: ${signatureOf(kind)}.`);
  return check({ kind, ...Object.fromEntries(values) } as Distribution);

  function check(dist: Distribution): Distribution | undefined {
    const problem = problemOf(dist);
    return problem ? bad(e.range, `\`${describe(dist)}\`: ${problem}.`) : dist;
  }
}

function textOf(a: A.DistArg): string {
  return [a.label?.text, a.value?.text, a.dist ? `${a.dist.name.text}(…)` : undefined].filter(Boolean).join(' ') || '…';
}
