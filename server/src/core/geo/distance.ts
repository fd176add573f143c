// Great-circle distance and the floor on a fibre round trip: c ≈ 299,792 km/s, fibre index ≈ 1.47 → ≈ 204
// km/ms, rounded to 200 km/ms (≈ 2/3 c). Real routes are longer (the source's Mumbai↔Delhi 45 ms, L1356, is
// ~4x the floor), so the floor is a lower bound.

/** Kilometres light covers in one millisecond of fibre, one way (≈ 2/3 of c). */
export const FIBRE_KM_PER_MS = 200;

/** Mean Earth radius, km (IUGG). */
export const EARTH_RADIUS_KM = 6371;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Haversine great-circle distance in km. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The shortest round trip light in fibre allows over `km` of great circle, ms. */
export function minFibreRttMs(km: number): number {
  return (2 * km) / FIBRE_KM_PER_MS;
}

/** Rounds a millisecond figure up to one decimal, so a value set to it is never below the exact floor. */
export function ceilTenth(ms: number): number {
  return Math.ceil(ms * 10 - 1e-9) / 10;
}

/** `1148` → `1,148` (grouping independent of the machine's locale). */
export function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
