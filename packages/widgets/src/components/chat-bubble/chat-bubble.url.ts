/** The URL of a department's chat availability on the API at `endpoint` (normalised). */
export const availabilityUrl = (endpoint: string, department: string): string =>
  `${endpoint}/v1/chat/availability?department=${encodeURIComponent(department)}`;
