// The AST of a topology's regions and links (ast-builder.ts reads the rest): replicas, primary, city,
// a region's own round trip, coordinates within the globe, and each link's round trip, distribution and jitter.
import type { CstNode } from 'chevrotain';
import { diagnostic } from '../../../server/src/core/diagnostic';
import type * as A from '../../../server/src/core/syntax/ast';
import type { AstBuilder } from './ast-builder';
import { distribution } from './ast-scenario';
import { isNode, name, nodeRange, sub, tok, type Children } from './cst';

const duration: A.QuantityKind[] = ['duration'];

export function region(b: AstBuilder, n: CstNode): A.Region {
  const c = n.children as Children;
  const region: A.Region = { kind: 'region', range: nodeRange(n), name: name(tok(c, 'Name')) };
  for (const p of (c.regionProp ?? []).filter(isNode)) {
    const pc = p.children as Children;
    if (pc.Kw_replicas) {
      const num = tok(pc, 'NumberLiteral');
      if (num) region.replicas = b.countToken(num);
    } else if (pc.Kw_primary) {
      region.primary = nodeRange(p);
    } else if (pc.Kw_city) {
      region.city = name(tok(pc, 'Name'));
    } else if (pc.Kw_rtt) {
      region.rtt = b.quantityNode(sub(pc, 'rtt'), duration);
      region.rttDist = distribution(b, sub(pc, 'dist'));
      region.rttRange = nodeRange(p);
    } else if (pc.Kw_coordinates) {
      const lat = coordinate(b, sub(pc, 'lat'), 90, 'latitude');
      const lon = coordinate(b, sub(pc, 'lon'), 180, 'longitude');
      if (lat !== undefined && lon !== undefined) region.coordinates = { lat, lon, range: nodeRange(p) };
    }
  }
  return region;
}

/** A latitude or longitude within ±max degrees; out of range: `number-out-of-range`, and undefined. */
function coordinate(b: AstBuilder, n: CstNode | undefined, max: number, what: string): number | undefined {
  const x = signedNumber(n);
  if (x === undefined || Math.abs(x) <= max) return x;
  const range = nodeRange(n!);
  const message = `A ${what} is between -${max}° and ${max}°; got ${b.text.slice(range.start, range.end)}.`;
  b.diagnostics.push(diagnostic({ code: 'number-out-of-range', uri: b.uri, range, message }));
  return undefined;
}

function signedNumber(n: CstNode | undefined): number | undefined {
  if (!n) return undefined;
  const c = n.children as Children;
  const num = tok(c, 'NumberLiteral');
  if (!num) return undefined;
  return (c.Minus ? -1 : 1) * Number(num.image.replace(/_/g, ''));
}

export function link(b: AstBuilder, n: CstNode): A.Link {
  const c = n.children as Children;
  return {
    kind: 'link',
    range: nodeRange(n),
    a: name(tok(c, 'a')),
    b: name(tok(c, 'b')),
    rtt: b.quantityNode(sub(c, 'rtt'), duration),
    dist: distribution(b, sub(c, 'dist')),
    jitter: b.quantityNode(sub(c, 'jitter'), duration),
  };
}
