import type { AgentClient } from '@kontakt/core/agent';
import { agentCall } from '@kontakt/core/agent';
import type { FaultCatalog, LatLon, ReverseGeocode } from '@kontakt/core/schemas';
import { FaultCatalogSchema, ReverseGeocodeSchema } from '@kontakt/core/schemas';

/** One request per client and department: the catalog is configuration, changed by a restart. */
const loaded = new WeakMap<AgentClient, Map<string, Promise<FaultCatalog>>>();

/**
 * A department's fault catalog (`GET /v1/departments/{id}/faults`, public): the categories' names
 * and questions the console shows a fault report's answers with, and the map settings.
 */
export function faultCatalogOf(client: AgentClient, department: string): Promise<FaultCatalog> {
  let byDepartment = loaded.get(client);
  if (!byDepartment) {
    byDepartment = new Map();
    loaded.set(client, byDepartment);
  }
  let catalog = byDepartment.get(department);
  if (!catalog) {
    catalog = agentCall(() =>
      client.http
        .get(`v1/departments/${encodeURIComponent(department)}/faults`)
        .json(FaultCatalogSchema),
    );
    // A failure is not remembered: the next case asks again.
    const forget = byDepartment;
    catalog.catch(() => forget.delete(department));
    byDepartment.set(department, catalog);
  }
  return catalog;
}

/**
 * The place the department's geocoder names at `point` (`GET /v1/geocode/reverse`, public), or
 * `null` where it knows none near it.
 */
export async function placeAt(
  client: AgentClient,
  department: string,
  point: LatLon,
): Promise<ReverseGeocode['place']> {
  const searchParams = { department, lat: String(point.lat), lon: String(point.lon) };
  const answer = await agentCall(() =>
    client.http.get('v1/geocode/reverse', { searchParams }).json(ReverseGeocodeSchema),
  );
  return answer.place;
}

/** A localized name in the console's language, else Swedish. */
export function textIn(
  locale: 'sv' | 'en',
  text: { sv: string; en?: string | undefined } | undefined,
  fallback: string,
): string {
  return (locale === 'en' ? text?.en : undefined) ?? text?.sv ?? fallback;
}
