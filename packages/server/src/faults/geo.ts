/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two WGS84 points (haversine). */
export function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The latitude/longitude box around a point that holds every point within `radius` metres. */
export function nearbyBox(lat: number, lon: number, radius: number) {
  const dLat = radius / (EARTH_RADIUS * RAD);
  // Near the poles a longitude degree shrinks to nothing: take every longitude there.
  const cos = Math.cos(lat * RAD);
  const dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  return { south: lat - dLat, north: lat + dLat, west: lon - dLon, east: lon + dLon };
}

/** Four decimals: about ten metres, enough to find the place, too coarse to single out a door. */
export const roundCoordinate = (value: number): number => Math.round(value * 1e4) / 1e4;
