// Groups a block's properties by kind and reports the ones that are repeated or out of place.
import { diagnostic, type Code, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import type { Range } from '../util/range';
import type { PropertySet } from './model';

export type BlockKind = 'tier' | 'data' | 'when';

const multi = new Set<A.PropertyKind>(['tier', 'latency', 'when', 'degrade']);

/** Which properties each kind of block accepts. */
export const notAllowed: Record<BlockKind, Set<A.PropertyKind>> = {
  tier: new Set(['when', 'degrade', 'primary', 'workload', 'budget', 'tier', 'topology']),
  data: new Set(['applies']),
  when: new Set(['when', 'degrade', 'applies', 'topology', 'workload', 'budget', 'primary']),
};

const blockWords: Record<BlockKind, string> = { tier: 'a tier', data: 'a data block', when: 'a `when` block' };

/** Bounds are upper limits (`<=`), targets lower limits (`>=`); anything else would silently mean the opposite. */
const expectedDirection: Partial<Record<A.PropertyKind, 'upper' | 'lower'>> = {
  latency: 'upper',
  budget: 'upper',
  staleness: 'upper',
  availability: 'lower',
};

function checkComparator(p: A.Property, uri: string, diagnostics: Diagnostic[]): void {
  const direction = expectedDirection[p.kind];
  if (!direction || !('comparator' in p) || !p.comparator) return;
  const ok =
    direction === 'upper'
      ? p.comparator === '<=' || p.comparator === '<'
      : p.comparator === '>=' || p.comparator === '>';
  if (ok) return;
  const want = direction === 'upper' ? '<=' : '>=';
  diagnostics.push(
    diagnostic({
      code: 'wrong-comparator',
      uri,
      range: p.comparatorRange ?? p.keyword,
      message:
        `'${p.kind}' is ${direction === 'upper' ? 'an upper bound' : 'a lower bound'}: ` +
        `write \`${p.kind} ${want} …\`, not \`${p.comparator}\`.`,
      fixes: p.comparatorRange
        ? [{ title: `Use '${want}'`, edits: [{ uri, range: p.comparatorRange, newText: want }] }]
        : undefined,
    }),
  );
}

/** A "set twice, the later wins" warning on the later one, pointing at the first, with a fix removing it. */
export function setTwice(
  code: Code,
  message: string,
  what: string,
  uri: string,
  range: Range,
  earlier: Range,
): Diagnostic {
  return diagnostic({
    code,
    uri,
    range,
    message,
    related: [{ uri, range: earlier, message: 'first set here' }],
    fixes: [{ title: `Remove the earlier '${what}'`, edits: [{ uri, range: earlier, newText: '' }] }],
  });
}

export function collectProps(
  body: A.Property[],
  block: BlockKind,
  uri: string,
  diagnostics: Diagnostic[],
): PropertySet {
  const set: PropertySet = { tiers: [], latency: [], whens: [], degrades: [] };
  // The earlier property of a single-valued kind is the one `set` holds; latency bounds are told apart by op and
  // percentile.
  let latencySeen: Map<string, A.Property> | undefined;
  for (const p of body) {
    if (notAllowed[block].has(p.kind)) {
      diagnostics.push(
        diagnostic({
          code: 'property-not-allowed',
          uri,
          range: p.keyword,
          message: `'${p.kind}' cannot appear in ${blockWords[block]}.`,
          fixes: [{ title: `Remove '${p.kind}'`, edits: [{ uri, range: p.range, newText: '' }] }],
        }),
      );
      continue;
    }
    checkComparator(p, uri, diagnostics);
    if (p.kind === 'latency') {
      const key = `latency ${p.op} ${p.percentile?.text}`;
      const earlier = (latencySeen ??= new Map()).get(key);
      if (earlier)
        diagnostics.push(
          setTwice(
            'duplicate-property',
            `'${key}' is set twice in this block; the later value wins.`,
            key,
            uri,
            p.keyword,
            earlier.range,
          ),
        );
      latencySeen.set(key, p);
    } else if (!multi.has(p.kind)) {
      const earlier = (set as unknown as Record<string, A.Property | undefined>)[p.kind];
      if (earlier)
        diagnostics.push(
          setTwice(
            'duplicate-property',
            `'${p.kind}' is set twice in this block; the later value wins.`,
            p.kind,
            uri,
            p.keyword,
            earlier.range,
          ),
        );
    }
    switch (p.kind) {
      case 'tier':
        set.tiers.push(p);
        break;
      case 'when':
        set.whens.push(p);
        break;
      case 'degrade':
        set.degrades.push(p);
        break;
      case 'latency': {
        // The later of the same op and percentile replaces the earlier one (at most one is there), at the end.
        const i = set.latency.findIndex((l) => l.op === p.op && l.percentile?.text === p.percentile?.text);
        if (i >= 0) set.latency.splice(i, 1);
        set.latency.push(p);
        break;
      }
      default:
        (set as unknown as Record<string, A.Property>)[p.kind] = p;
    }
  }
  return set;
}
