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

/** An empty set with every kind present (undefined until set): one object shape for every block, so reading a
 *  kind (`props[kind]`, per data type and tier) stays monomorphic. */
function emptySet(): PropertySet {
  return {
    topology: undefined,
    tiers: none,
    consistency: undefined,
    replication: undefined,
    latency: none,
    availability: undefined,
    partition: undefined,
    conflict: undefined,
    workload: undefined,
    budget: undefined,
    staleness: undefined,
    category: undefined,
    primary: undefined,
    sessions: undefined,
    money: undefined,
    whens: none,
    degrades: none,
    applies: undefined,
  };
}

/** The list of a kind the block does not write: one shared empty array (the model is never changed once built;
 *  frozen, so a change would throw rather than reach every block). */
const none = Object.freeze([]) as unknown as never[];

/** `latency OP PERCENTILE`, as the messages write it (and as bounds are told apart: by op and percentile). */
const latencyKey = (p: A.PropertyOf<'latency'>) => `latency ${p.op} ${p.percentile?.text}`;

export function collectProps(
  body: A.Property[],
  block: BlockKind,
  uri: string,
  diagnostics: Diagnostic[],
): PropertySet {
  const set = emptySet();
  const banned = notAllowed[block];
  // The earlier property of a single-valued kind is the one `set` holds; latency bounds are told apart by op and
  // percentile (the earlier of a key: the last one written before, found by scanning back).
  let latencySeen: A.PropertyOf<'latency'>[] | undefined;
  for (const p of body) {
    if (banned.has(p.kind)) {
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
      const earlier = latencySeen ? lastSameKey(latencySeen, p) : undefined;
      if (earlier) {
        const key = latencyKey(p);
        const message = `'${key}' is set twice in this block; the later value wins.`;
        diagnostics.push(setTwice('duplicate-property', message, key, uri, p.keyword, earlier.range));
      }
      (latencySeen ??= []).push(p);
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
    place(set, p);
  }
  return set;
}

/** The last of `seen` with the same key as `p` (as strings: an absent op or percentile reads 'undefined'). */
function lastSameKey(seen: A.PropertyOf<'latency'>[], p: A.PropertyOf<'latency'>): A.Property | undefined {
  const op = `${p.op}`;
  const percentile = `${p.percentile?.text}`;
  for (let i = seen.length - 1; i >= 0; i--) {
    const l = seen[i];
    if (`${l.op}` === op && `${l.percentile?.text}` === percentile) return l;
  }
  return undefined;
}

/** Puts a property where its kind goes (written out per kind: one store site per field). */
function place(set: PropertySet, p: A.Property): void {
  switch (p.kind) {
    case 'tier':
      if (set.tiers === none) set.tiers = [p];
      else set.tiers.push(p);
      break;
    case 'when':
      if (set.whens === none) set.whens = [p];
      else set.whens.push(p);
      break;
    case 'degrade':
      if (set.degrades === none) set.degrades = [p];
      else set.degrades.push(p);
      break;
    case 'latency': {
      // The later of the same op and percentile replaces the earlier one (at most one is there), at the end.
      if (set.latency === none) {
        set.latency = [p];
        break;
      }
      const list = set.latency;
      for (let i = 0; i < list.length; i++) {
        const l = list[i];
        if (l.op === p.op && l.percentile?.text === p.percentile?.text) {
          list.splice(i, 1);
          break;
        }
      }
      list.push(p);
      break;
    }
    case 'topology':
      set.topology = p;
      break;
    case 'consistency':
      set.consistency = p;
      break;
    case 'replication':
      set.replication = p;
      break;
    case 'availability':
      set.availability = p;
      break;
    case 'partition':
      set.partition = p;
      break;
    case 'conflict':
      set.conflict = p;
      break;
    case 'workload':
      set.workload = p;
      break;
    case 'budget':
      set.budget = p;
      break;
    case 'staleness':
      set.staleness = p;
      break;
    case 'category':
      set.category = p;
      break;
    case 'primary':
      set.primary = p;
      break;
    case 'sessions':
      set.sessions = p;
      break;
    case 'money':
      set.money = p;
      break;
    case 'applies':
      set.applies = p;
      break;
    default: // a kind the parser added later: where the old generic store put it
      (set as unknown as Record<string, A.Property>)[(p as A.Property).kind] = p;
  }
}
