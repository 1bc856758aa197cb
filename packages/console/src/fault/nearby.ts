import type { AgentClient } from '@kontakt/core/agent';
import { agentCall } from '@kontakt/core/agent';
import type { NearbyReport } from '@kontakt/core/schemas';
import { NearbyReportListSchema } from '@kontakt/core/schemas';

/**
 * Open fault reports of `category` near a point (`GET /v1/faults/nearby`, the same public query
 * the fault form offers "follow this one instead" from), nearest first.
 */
export async function nearbyReports(
  client: AgentClient,
  query: { department: string; category: string; lat: number; lon: number },
  signal?: AbortSignal,
): Promise<NearbyReport[]> {
  const searchParams = new URLSearchParams({
    department: query.department,
    category: query.category,
    lat: String(query.lat),
    lon: String(query.lon),
  });
  const body = await agentCall(() =>
    client.http
      .get('v1/faults/nearby', { searchParams, ...(signal ? { signal } : {}) })
      .json(NearbyReportListSchema),
  );
  return body.reports;
}
