import * as z from 'zod/mini';
import { CaseStatusSchema } from './case.js';
import {
  DateTimeSchema,
  DepartmentIdSchema,
  LocaleSchema,
  LocalizedTextSchema,
  missingOr,
  SlugSchema,
} from './common.js';
import { EmailSchema, PhoneSchema } from './contact-message.js';
import { FaultPhotoSettingsSchema, photoIdsSchema } from './photo.js';
import { CaseReferenceSchema } from './reference.js';
import {
  FAULT_ATTRIBUTE_TYPES,
  FAULT_DESCRIPTION_MAX_LENGTH,
  FAULT_MAX_PHOTOS,
  NAME_MAX_LENGTH,
} from './vocabulary.js';

/*
 * Fault reports (*felanmälan*): the categories a department takes reports in, with extra questions
 * of the Open311 GeoReport v2 attribute types, the report a citizen sends, and the nearby open
 * reports shown so a person can follow one instead of filing a duplicate. Coordinates are WGS84
 * (EPSG:4326) everywhere; conversion to SWEREF 99 belongs at a GIS edge, never in the contract.
 */

export {
  type FaultPhotoSettings,
  FaultPhotoSettingsSchema,
  PhotoIdSchema,
  type UploadedPhoto,
  UploadedPhotoSchema,
} from './photo.js';
export { FAULT_ATTRIBUTE_TYPES, type FaultAttributeType } from './vocabulary.js';

/** An Open311 attribute code: letters, digits, `_` and `-` (it travels as `attribute[code]`). */
export const AttributeCodeSchema = z
  .string()
  .check(
    z.minLength(1, 'required'),
    z.maxLength(64, 'too_long'),
    z.regex(/^[A-Za-z0-9_-]+$/, 'invalid_format'),
  );

/** One choice of a single- or multiple-choice question. */
export const FaultAttributeValueSchema = z.object({
  key: z.string().check(z.minLength(1, 'required'), z.maxLength(100, 'too_long')),
  name: LocalizedTextSchema,
});
export type FaultAttributeValue = z.infer<typeof FaultAttributeValueSchema>;

/**
 * An extra question of a category (Open311 `attribute`). `variable: false` is information shown to
 * the person, not a question (Open311's informational attribute).
 */
export const FaultAttributeSchema = z
  .object({
    code: AttributeCodeSchema,
    datatype: z.enum(FAULT_ATTRIBUTE_TYPES),
    /** The question as shown to the person. */
    description: LocalizedTextSchema,
    /** Help text under the question (Open311 `datatype_description`). */
    hint: z.optional(LocalizedTextSchema),
    required: z._default(z.boolean(), false),
    variable: z._default(z.boolean(), true),
    /** Questions are asked in this order, lowest first. */
    order: z._default(z.number().check(z.int(), z.minimum(0)), 0),
    /** The choices of `singlevaluelist` and `multivaluelist`. */
    values: z._default(z.array(FaultAttributeValueSchema).check(z.maxLength(100)), []),
  })
  .check(
    z.refine((a) => !a.datatype.endsWith('valuelist') || a.values.length > 0, {
      message: 'required',
      path: ['values'],
    }),
  );
export type FaultAttribute = z.infer<typeof FaultAttributeSchema>;

/** A group of categories (*Gata och trafik*, *Park och natur*), shown as a heading. */
export const FaultGroupSchema = z.object({ id: SlugSchema, name: LocalizedTextSchema });
export type FaultGroup = z.infer<typeof FaultGroupSchema>;

/** A kind of fault a department takes reports of, e.g. `gatubelysning`. */
export const FaultCategorySchema = z.object({
  id: SlugSchema,
  name: LocalizedTextSchema,
  /** One of the catalog's `groups`. */
  group: z.optional(SlugSchema),
  description: z.optional(LocalizedTextSchema),
  /** Words people may search for (*lykta, lampa*), also Open311 `keywords`. */
  keywords: z._default(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(30)), []),
  attributes: z._default(z.array(FaultAttributeSchema).check(z.maxLength(30)), []),
});
export type FaultCategory = z.infer<typeof FaultCategorySchema>;
export type FaultCategoryInput = z.input<typeof FaultCategorySchema>;

/** A WGS84 point. */
export const LatLonSchema = z.object({
  lat: z.number().check(z.minimum(-90, 'invalid_format'), z.maximum(90, 'invalid_format')),
  lon: z.number().check(z.minimum(-180, 'invalid_format'), z.maximum(180, 'invalid_format')),
});
export type LatLon = z.infer<typeof LatLonSchema>;

/** How the map step is drawn: a raster tile template (`{z}/{x}/{y}`), its attribution, a start view. */
export const FaultMapSettingsSchema = z.object({
  /** `https://tiles.example.se/{z}/{x}/{y}.png`; `{s}` is not supported (one host, strict CSP). */
  tileUrl: z
    .string()
    .check(z.maxLength(500), z.regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'invalid_url')),
  attribution: z.string().check(z.maxLength(300)),
  maxZoom: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(22)), 19),
  center: LatLonSchema,
  zoom: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(22)), 13),
});
export type FaultMapSettings = z.infer<typeof FaultMapSettingsSchema>;

/** `GET /v1/departments/{id}/faults`: what a fault report form needs to know about a department. */
export const FaultCatalogSchema = z.object({
  department: DepartmentIdSchema,
  groups: z._default(z.array(FaultGroupSchema), []),
  categories: z.array(FaultCategorySchema),
  /** Open reports of the same category within this distance are offered to follow. */
  nearbyRadiusMeters: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(5000)), 150),
  /** No map settings: the form offers the address and position ways only. */
  map: z.optional(FaultMapSettingsSchema),
  /** True when `GET /v1/geocode` answers for this department (a geocoder is configured). */
  geocoder: z._default(z.boolean(), false),
  photos: z._default(FaultPhotoSettingsSchema, { maxCount: 3, maxEdge: 1600, maxBytes: 2_000_000 }),
});
export type FaultCatalog = z.infer<typeof FaultCatalogSchema>;
export type FaultCatalogInput = z.input<typeof FaultCatalogSchema>;

/**
 * Where the fault is: a map pin or device position (`lat`, `lon`), an address, or both. At least
 * one of them; a point needs both coordinates.
 */
export const FaultLocationSchema = z
  .object({
    lat: z.optional(LatLonSchema.shape.lat),
    lon: z.optional(LatLonSchema.shape.lon),
    /** Metres, when the point came from the device's position. */
    accuracy: z.optional(z.number().check(z.minimum(0), z.maximum(100_000))),
    /** A street address or a description of the place (*vid busshållplatsen Storgatan*). */
    address: z.optional(
      z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(300, 'too_long')),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      const hasLat = value.lat !== undefined;
      const hasLon = value.lon !== undefined;
      if (hasLat !== hasLon) {
        const field = hasLat ? 'lon' : 'lat';
        ctx.issues.push({
          code: 'custom',
          path: [field],
          message: 'required',
          input: value[field],
        });
      } else if (!hasLat && value.address === undefined) {
        ctx.issues.push({
          code: 'custom',
          path: ['address'],
          message: 'required',
          input: undefined,
        });
      }
    }),
  );
export type FaultLocation = z.infer<typeof FaultLocationSchema>;

/** An answer to an extra question: text, a number, a date-time string, or the keys chosen. */
export const FaultAnswerSchema = z.union([
  z.string().check(z.maxLength(4000, 'too_long')),
  z.number(),
  z.array(z.string().check(z.maxLength(100, 'too_long'))).check(z.maxLength(100)),
]);
export type FaultAnswer = z.infer<typeof FaultAnswerSchema>;

/** Optional contact details; with an e-mail address the person is told of every status change. */
export const FaultContactSchema = z.object({
  name: z.optional(
    z
      .string()
      .check(z.trim(), z.minLength(1, 'required'), z.maxLength(NAME_MAX_LENGTH, 'too_long')),
  ),
  email: z.optional(EmailSchema),
  phone: z.optional(PhoneSchema),
});
export type FaultContact = z.infer<typeof FaultContactSchema>;

/**
 * A fault report. Anonymous reports carry no contact details at all; they are followed with the
 * receipt link only. Answers are checked against the category's questions by the server.
 */
export const FaultReportSchema = z
  .object({
    /** A category id from the department's catalog. */
    category: z
      .string({ error: missingOr('invalid_type') })
      .check(z.minLength(1, 'required'), z.maxLength(64, 'too_long')),
    description: z
      .string({ error: missingOr('invalid_type') })
      .check(
        z.trim(),
        z.minLength(1, 'required'),
        z.maxLength(FAULT_DESCRIPTION_MAX_LENGTH, 'too_long'),
      ),
    answers: z._default(z.record(AttributeCodeSchema, FaultAnswerSchema), {}),
    location: FaultLocationSchema,
    photos: photoIdsSchema(FAULT_MAX_PHOTOS),
    anonymous: z._default(z.boolean(), false),
    contact: z.optional(FaultContactSchema),
    /** The language updates are written in. */
    answerLanguage: z._default(LocaleSchema, 'sv'),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.anonymous && value.contact && Object.keys(value.contact).length > 0) {
        ctx.issues.push({
          code: 'custom',
          path: ['contact'],
          message: 'invalid_option',
          input: value.contact,
        });
      }
    }),
  );
export type FaultReport = z.infer<typeof FaultReportSchema>;
export type FaultReportInput = z.input<typeof FaultReportSchema>;

/** The body of `POST /v1/faults`: the report and where it was made (as for contact messages). */
export const FaultSubmissionSchema = z.object({
  origin: z.object({
    department: DepartmentIdSchema,
    pageUrl: z.string().check(z.maxLength(2048, 'too_long')),
    widget: z.string().check(z.minLength(1), z.maxLength(64, 'too_long')),
  }),
  report: FaultReportSchema,
});
export type FaultSubmission = z.infer<typeof FaultSubmissionSchema>;

/**
 * An open report near a point (`GET /v1/faults/nearby`). Public: no description, no contact, no
 * photos, and the point rounded to about ten metres.
 */
export const NearbyReportSchema = z.object({
  reference: CaseReferenceSchema,
  category: SlugSchema,
  status: CaseStatusSchema,
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  distanceMeters: z.number().check(z.int(), z.minimum(0)),
  location: LatLonSchema,
});
export type NearbyReport = z.infer<typeof NearbyReportSchema>;

export const NearbyReportListSchema = z.object({
  radiusMeters: z.number(),
  reports: z.array(NearbyReportSchema),
});
export type NearbyReportList = z.infer<typeof NearbyReportListSchema>;

/** `GET /v1/geocode`'s answer: places matching what the person typed, best first. */
export const GeocodeResultSchema = z.object({
  label: z.string().check(z.maxLength(300)),
  lat: LatLonSchema.shape.lat,
  lon: LatLonSchema.shape.lon,
});
export const GeocodeResultListSchema = z.object({
  results: z.array(GeocodeResultSchema).check(z.maxLength(20)),
});
export type GeocodeResult = z.infer<typeof GeocodeResultSchema>;
export type GeocodeResultList = z.infer<typeof GeocodeResultListSchema>;

/**
 * `GET /v1/geocode/reverse`'s answer: the place the department's geocoder names at a point (the
 * address there, or the nearest of its own places), or `null` when it knows none near it. Lets a
 * point chosen on the map or by the device be said in words.
 */
export const ReverseGeocodeSchema = z.object({
  place: z.nullable(
    z.object({
      ...GeocodeResultSchema.shape,
      /** From the point to the place, whole metres. */
      distanceMeters: z.number().check(z.int(), z.minimum(0)),
    }),
  ),
});
export type ReverseGeocode = z.infer<typeof ReverseGeocodeSchema>;
