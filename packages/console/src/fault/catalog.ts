import type { AgentClient } from '@kontakt/core/agent';
import { agentCall } from '@kontakt/core/agent';
import type { FaultCatalog } from '@kontakt/core/schemas';
import { FaultCatalogSchema } from '@kontakt/core/schemas';

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

/** A localized name in the console's language, else Swedish. */
export function textIn(
  locale: 'sv' | 'en',
  text: { sv: string; en?: string | undefined } | undefined,
  fallback: string,
): string {
  return (locale === 'en' ? text?.en : undefined) ?? text?.sv ?? fallback;
}
