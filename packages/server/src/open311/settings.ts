import * as z from 'zod/mini';
import type { ApiKeyConfig } from '../api-keys.js';
import { ApiKeyConfigSchema } from '../api-keys.js';
import { checkSection } from '../config-error.js';
import { Open311Error } from './answer.js';

/*
 * The `open311` section of the configuration. Reading (discovery, services, requests) is public;
 * filing a request needs the `api_key` of a registered client, kept as its SHA-256 exactly like
 * the admin API's keys (`kontakt-server new-api-key --id <client>` makes one and its entry).
 */

export const Open311OptionsSchema = z.object({
  /** Clients that may file requests: who (logged and stored with each request) and their key's hash. */
  clients: z._default(
    z
      .array(ApiKeyConfigSchema)
      .check(
        z.refine((keys) => new Set(keys.map((key) => key.id)).size === keys.length, 'duplicate'),
      ),
    [],
  ),
  /**
   * The `jurisdiction_id` this endpoint answers to (e.g. `malmo.se`). Clients may leave it out;
   * one that sends another is told 404. Without it any is accepted.
   */
  jurisdictionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** Discovery's `contact`: whom client developers write to. */
  contact: z.optional(z.string().check(z.maxLength(500))),
  /**
   * Discovery's `changeset`: when the services last changed (ISO 8601). Set it when several
   * instances serve one endpoint, so they all say the same; default: when this process started.
   */
  changeset: z.optional(z.iso.datetime({ offset: true, error: 'invalid_format' })),
  /** Discovery's `key_service`: where a client asks for an `api_key`. */
  keyService: z.optional(z.string().check(z.maxLength(500))),
  /**
   * The endpoint's public URL (`https://kontakt.example.se/open311/v2`) for discovery. Without it
   * the URL is read from the request (behind a proxy, set it: the proxy's host may differ).
   */
  publicUrl: z.optional(
    z.string().check(
      z.maxLength(2048),
      z.refine((url) => /^https?:\/\/\S+$/.test(url), 'invalid_url'),
    ),
  ),
});
/** The `open311` section as written. */
export type Open311Options = z.input<typeof Open311OptionsSchema>;
/** The `open311` section with defaults filled in. */
export type Open311Settings = z.output<typeof Open311OptionsSchema> & {
  clients: ApiKeyConfig[];
};

/** The defaults: readable by anyone, no client may file. */
export const NO_OPEN311_CLIENTS: Open311Settings = { clients: [] };

/** Checks an `open311` section; a bad one throws `ConfigError` naming each field under `open311.`. */
export function parseOpen311Options(input: unknown, source = 'open311'): Open311Settings {
  return checkSection(Open311OptionsSchema, input ?? {}, 'open311', source);
}

/**
 * Refuses a `jurisdiction_id` other than the configured one as an unknown jurisdiction (404).
 * Leaving it out is always right: the spec asks for it only where one endpoint serves several.
 */
export function checkJurisdictionId(settings: Open311Settings, asked: string | undefined): void {
  const jurisdiction = asked?.trim();
  if (jurisdiction && settings.jurisdictionId && jurisdiction !== settings.jurisdictionId) {
    throw new Open311Error(404, `This endpoint does not serve the jurisdiction ${jurisdiction}.`);
  }
}
