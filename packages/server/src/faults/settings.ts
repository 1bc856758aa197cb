import type { Department, FaultCatalog, FieldError } from '@kontakt/core/schemas';
import {
  FaultCategorySchema,
  FaultGroupSchema,
  FaultMapSettingsSchema,
  FaultPhotoSettingsSchema,
  HttpUrlSchema,
  LatLonSchema,
} from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import { fieldError, fieldUnder, toConfigErrors } from '../config-error.js';

/*
 * A department's `faults` section of the configuration: the public catalog's parts plus the
 * geocoder, which stays on the server (the catalog says only `geocoder: true`). Kept beside the
 * department rather than in `DepartmentSchema`, so no part of it can reach `GET /v1/departments`.
 */

/** A Nominatim-compatible search endpoint (`?q=…&format=jsonv2`), called by the server. */
const NominatimGeocoderSchema = z.object({
  kind: z.literal('nominatim'),
  url: HttpUrlSchema,
  /** Milliseconds to wait for an answer. */
  timeoutMs: z._default(z.number().check(z.int(), z.minimum(100), z.maximum(10_000)), 3000),
});

/** A fixed gazetteer searched on the server (no network needed, e.g. the demo). */
const PlacesGeocoderSchema = z.object({
  kind: z.literal('places'),
  places: z
    .array(
      z.object({
        label: z.string().check(z.minLength(1, 'required'), z.maxLength(300, 'too_long')),
        lat: LatLonSchema.shape.lat,
        lon: LatLonSchema.shape.lon,
      }),
    )
    .check(z.minLength(1, 'required'), z.maxLength(10_000, 'too_long')),
});

export const GeocoderSettingsSchema = z.discriminatedUnion('kind', [
  NominatimGeocoderSchema,
  PlacesGeocoderSchema,
]);
export type GeocoderSettings = z.infer<typeof GeocoderSettingsSchema>;

export const FaultSettingsSchema = z.object({
  groups: z._default(z.array(FaultGroupSchema), []),
  categories: z.array(FaultCategorySchema).check(z.minLength(1, 'required')),
  nearbyRadiusMeters: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(5000)), 150),
  map: z.optional(FaultMapSettingsSchema),
  geocoder: z.optional(GeocoderSettingsSchema),
  photos: z._default(FaultPhotoSettingsSchema, { maxCount: 3, maxEdge: 1600, maxBytes: 2_000_000 }),
});
/** A department's fault settings, validated and with defaults filled in. */
export type FaultSettings = z.infer<typeof FaultSettingsSchema>;
export type FaultSettingsInput = z.input<typeof FaultSettingsSchema>;

/**
 * Checks a department's `faults` section: the schema, then what it cannot see — category ids and
 * attribute codes unique, every category's group declared. Returns the settings or the field
 * errors, their paths starting at `path` (e.g. `departments.0.faults`).
 */
export function parseFaultSettings(
  input: unknown,
  path: (string | number)[],
): { settings: FaultSettings } | { errors: FieldError[] } {
  const parsed = FaultSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { errors: toConfigErrors(parsed.error.issues).map((error) => fieldUnder(path, error)) };
  }
  const settings = parsed.data;
  const errors: FieldError[] = [];
  const groups = new Set<string>();
  settings.groups.forEach((group, index) => {
    if (groups.has(group.id))
      errors.push(fieldError([...path, 'groups', index, 'id'], 'duplicate'));
    groups.add(group.id);
  });
  const ids = new Set<string>();
  settings.categories.forEach((category, index) => {
    const at = [...path, 'categories', index];
    if (ids.has(category.id)) errors.push(fieldError([...at, 'id'], 'duplicate'));
    ids.add(category.id);
    if (category.group !== undefined && !groups.has(category.group)) {
      errors.push(fieldError([...at, 'group'], 'invalid_option'));
    }
    const codes = new Set<string>();
    category.attributes.forEach((attribute, a) => {
      if (codes.has(attribute.code)) {
        errors.push(fieldError([...at, 'attributes', a, 'code'], 'duplicate'));
      }
      codes.add(attribute.code);
      const keys = new Set(attribute.values.map((value) => value.key));
      if (keys.size < attribute.values.length) {
        errors.push(fieldError([...at, 'attributes', a, 'values'], 'duplicate'));
      }
    });
  });
  return errors.length > 0 ? { errors } : { settings };
}

// Keyed by the department object `parseDepartments` returns, which is the one every route gets
// from `ctx.departments`: the settings travel with the department without being part of it.
const settingsOf = new WeakMap<Department, FaultSettings>();

/** Remembers a department's fault settings (`parseDepartments` does this). */
export function setFaultSettings(department: Department, settings: FaultSettings): void {
  settingsOf.set(department, settings);
}

/** A department's fault settings, `undefined` when it takes no fault reports. */
export function faultSettingsOf(department: Department): FaultSettings | undefined {
  return settingsOf.get(department);
}

/** The public catalog (`GET /v1/departments/{id}/faults`): everything but the geocoder's settings. */
export function faultCatalogOf(department: Department, settings: FaultSettings): FaultCatalog {
  return {
    department: department.id,
    groups: settings.groups,
    categories: settings.categories,
    nearbyRadiusMeters: settings.nearbyRadiusMeters,
    ...(settings.map ? { map: settings.map } : {}),
    geocoder: settings.geocoder !== undefined,
    photos: settings.photos,
  };
}
