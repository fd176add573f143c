// Where a topology's region is on the map: its `coordinates lat, lon`, else its `city X`, else its own
// name looked up among known cities and cloud regions; and the fibre floor between two regions.
import type { RegionModel } from '../model/model';
import { derived } from '../util/memo';
import { lookupPlace } from './cities';
import { greatCircleKm, minFibreRttMs } from './distance';

export interface RegionLocation {
  lat: number;
  lon: number;
  label: string;
  how: 'coordinates' | 'city' | 'name';
}

/** A region's location, worked out once however many of its links are checked (undefined: not known). */
export function regionLocation(region: RegionModel): RegionLocation | undefined {
  return derived(region, locate);
}

function locate(region: RegionModel): RegionLocation | undefined {
  const d = region.decl;
  if (d.coordinates)
    return {
      lat: d.coordinates.lat,
      lon: d.coordinates.lon,
      label: `${d.coordinates.lat}, ${d.coordinates.lon}`,
      how: 'coordinates',
    };
  if (d.city) {
    const p = lookupPlace(d.city.text);
    return p ? { lat: p.lat, lon: p.lon, label: p.label, how: 'city' } : undefined;
  }
  const p = lookupPlace(region.name);
  return p ? { lat: p.lat, lon: p.lon, label: p.label, how: 'name' } : undefined;
}

export interface FibreFloor {
  km: number;
  /** Minimum round trip in fibre, ms. */
  rttMs: number;
}

/** Great-circle distance and minimum fibre round trip between two regions, when both can be located. */
export function fibreFloor(a: RegionModel, b: RegionModel): FibreFloor | undefined {
  const la = regionLocation(a);
  const lb = regionLocation(b);
  if (!la || !lb) return undefined;
  const km = greatCircleKm(la, lb);
  return { km, rttMs: minFibreRttMs(km) };
}
