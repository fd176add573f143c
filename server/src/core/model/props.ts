// Groups a block's properties by kind and reports the ones that are repeated or out of place.
import type { Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import type { Range } from '../syntax/range';
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
  const ok = direction === 'upper' ? p.comparator === '<=' || p.comparator === '<' : p.comparator === '>=' || p.comparator === '>';
  if (ok) return;
  const want = direction === 'upper' ? '<=' : '>=';
  diagnostics.push({
    code: 'wrong-comparator',
    severity: 'error',
    uri,
    range: p.comparatorRange ?? p.keyword,
    message: `'${p.kind}' is ${direction === 'upper' ? 'an upper bound' : 'a lower bound'}: write \`${p.kind} ${want} …\`, not \`${p.comparator}\`.`,
    fixes: p.comparatorRange ? [{ title: `Use '${want}'`, edits: [{ uri, range: p.comparatorRange, newText: want }] }] : undefined,
  });
}

/** A "set twice, the later wins" warning on the later one, pointing at the first, with a fix removing it. */
export function setTwice(code: string, message: string, what: string, uri: string, range: Range, earlier: Range): Diagnostic {
  return {
    code,
    severity: 'warning',
    uri,
    range,
    message,
    related: [{ uri, range: earlier, message: 'first set here' }],
    fixes: [{ title: `Remove the earlier '${what}'`, edits: [{ uri, range: earlier, newText: '' }] }],
  };
}

export function collectProps(body: A.Property[], block: BlockKind, uri: string, diagnostics: Diagnostic[]): PropertySet {
  const set: PropertySet = { tiers: [], latency: [], whens: [], degrades: [] };
  const seen = new Map<string, A.Property>();
  for (const p of body) {
    if (notAllowed[block].has(p.kind)) {
      diagnostics.push({
        code: 'property-not-allowed',
        severity: 'error',
        uri,
        range: p.keyword,
        message: `'${p.kind}' cannot appear in ${blockWords[block]}.`,
        fixes: [{ title: `Remove '${p.kind}'`, edits: [{ uri, range: p.range, newText: '' }] }],
      });
      continue;
    }
    checkComparator(p, uri, diagnostics);
    const key = p.kind === 'latency' ? `latency ${p.op} ${p.percentile?.text}` : p.kind;
    const earlier = seen.get(key);
    if (earlier && (!multi.has(p.kind) || p.kind === 'latency')) {
      diagnostics.push(setTwice('duplicate-property', `'${key}' is set twice in this block; the later value wins.`, key, uri, p.keyword, earlier.range));
    }
    seen.set(key, p);
    switch (p.kind) {
      case 'tier': set.tiers.push(p); break;
      case 'when': set.whens.push(p); break;
      case 'degrade': set.degrades.push(p); break;
      case 'latency': set.latency = [...set.latency.filter((l) => !(l.op === p.op && l.percentile?.text === p.percentile?.text)), p]; break;
      default: (set as unknown as Record<string, A.Property>)[p.kind] = p;
    }
  }
  return set;
}
