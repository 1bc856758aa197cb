/** The URL of a department on the API at `endpoint` (normalised, see `normalizeEndpoint`). */
export function departmentUrl(endpoint: string, id: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/departments/${encodeURIComponent(id)}`;
}
