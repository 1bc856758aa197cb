import type { KyInstance } from 'ky';
import type { Dashboard, DashboardQuery, DashboardTable } from './dashboard.js';
import { DashboardSchema } from './dashboard.js';
import { agentCall, signalOf } from './http.js';
import { agentJson } from './request.js';

/** `client.dashboard`: the dashboard over a period (agents and admins; specialists get `forbidden`). */
export interface DashboardResource {
  /** The dashboard for `from` (inclusive) to `to` (exclusive). */
  get(query: DashboardQuery, options?: { signal?: AbortSignal }): Promise<Dashboard>;
  /**
   * One table of it as CSV text (comma-separated, CRLF, a header row). The file the server sends
   * starts with a byte order mark for spreadsheets; decoded text does not.
   */
  csv(
    query: DashboardQuery & { table: DashboardTable },
    options?: { signal?: AbortSignal },
  ): Promise<string>;
  /** The URL of that CSV, for a download link (the session cookie goes along). */
  exportUrl(query: DashboardQuery & { table: DashboardTable }): string;
}

export function dashboardResource(http: KyInstance, endpoint: string): DashboardResource {
  const params = (query: Record<string, string>) => new URLSearchParams(query);
  return {
    get(query, options = {}) {
      return agentJson(http, 'v1/agent/dashboard', DashboardSchema, {
        ...signalOf(options),
        searchParams: params(query),
      });
    },
    csv(query, options = {}) {
      return agentCall(() =>
        http
          .get('v1/agent/dashboard/export.csv', {
            searchParams: params(query),
            ...signalOf(options),
          })
          .text(),
      );
    },
    exportUrl(query) {
      return `${endpoint}/v1/agent/dashboard/export.csv?${params(query)}`;
    },
  };
}
