import type { Open311Settings } from './settings.js';

/** GeoReport v2's specification URL, as discovery documents name it. */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/** `GET discovery.{fmt}`'s answer. */
export type Open311Discovery = {
  changeset: string;
  contact: string | null;
  key_service: string | null;
  endpoints: {
    specification: string;
    url: string;
    changeset: string;
    type: 'production' | 'test';
    formats: string[];
  }[];
};

/**
 * The discovery document: one production endpoint, this one, in both formats. `changeset` is
 * the configured one, else when the configuration was read (the services change only with it).
 */
export function discoveryDocument(
  settings: Open311Settings,
  url: string,
  changeset: string,
): Open311Discovery {
  return {
    changeset,
    contact: settings.contact ?? null,
    key_service: settings.keyService ?? null,
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url,
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
