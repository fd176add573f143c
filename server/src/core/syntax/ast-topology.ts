// The AST of a topology's regions and links (ast-builder.ts reads the rest): replicas, primary, city,
// a region's own round trip, coordinates within the globe, and each link's round trip, distribution and jitter.
import { diagnostic } from '../diagnostic';
import type * as A from './ast';
import { kinds, name, type AstBuilder } from './ast-builder';
import { distribution } from './ast-scenario';
import * as N from './nodes';

export function region(b: AstBuilder, n: N.RegionNode): A.Region {
  const region: A.Region = { kind: 'region', range: N.rangeOf(n), name: name(n.name) };
  for (const p of n.props) {
    switch (p.kind) {
      case 'replicas': {
        const num = N.real(p.token);
        if (num) region.replicas = b.countToken(num);
        break;
      }
      case 'primary':
        region.primary = N.rangeOf(p);
        break;
      case 'city':
        region.city = name(p.token);
        break;
      case 'rtt':
        region.rtt = b.quantityNode(p.rtt, kinds.duration);
        region.rttDist = distribution(b, p.dist);
        region.rttRange = N.rangeOf(p);
        break;
      case 'coordinates': {
        const lat = coordinate(b, p.lat, 90, 'latitude');
        const lon = coordinate(b, p.lon, 180, 'longitude');
        if (lat !== undefined && lon !== undefined) region.coordinates = { lat, lon, range: N.rangeOf(p) };
        break;
      }
    }
  }
  return region;
}

/** A latitude or longitude within ±max degrees; out of range: `number-out-of-range`, and undefined. */
function coordinate(b: AstBuilder, n: N.SignedNumberNode | undefined, max: number, what: string): number | undefined {
  const num = N.real(n?.number);
  if (!n || !num) return undefined;
  const x = (n.minus ? -1 : 1) * Number(num.image.replace(/_/g, ''));
  if (Math.abs(x) <= max) return x;
  const range = N.rangeOf(n);
  const message = `A ${what} is between -${max}° and ${max}°; got ${b.text.slice(range.start, range.end)}.`;
  b.diagnostics.push(diagnostic({ code: 'number-out-of-range', uri: b.uri, range, message }));
  return undefined;
}

export function link(b: AstBuilder, n: N.LinkNode): A.Link {
  return {
    kind: 'link',
    range: N.rangeOf(n),
    a: name(n.a),
    b: name(n.b),
    rtt: b.quantityNode(n.rtt, kinds.duration),
    dist: distribution(b, n.dist),
    jitter: b.quantityNode(n.jitter, kinds.duration),
  };
}
