import {
  FaultCatalogSchema,
  FaultSubmissionSchema,
  GeocodeResultListSchema,
  NearbyReportListSchema,
  ReverseGeocodeSchema,
} from '@kontakt/core/schemas';
import type { JsonObject } from './openapi-parts.js';
import {
  CACHE_HEADERS,
  COMMON_PROBLEMS,
  IDEMPOTENCY_KEY,
  IF_NONE_MATCH,
  json,
  jsonSchema,
  NOT_MODIFIED,
  problem,
  receiptResponses,
  ref,
} from './openapi-parts.js';

const query = (name: string, description: string, schema: JsonObject = { type: 'string' }) => ({
  name,
  in: 'query',
  required: true,
  description,
  schema,
});

const coordinate = { type: 'string', pattern: '^-?\\d{1,3}(\\.\\d+)?$' };

/** Fault reports' paths: the catalog, filing a report, nearby open reports, address search. */
export function faultPaths(): JsonObject {
  return {
    '/v1/departments/{id}/faults': {
      get: {
        operationId: 'getFaultCatalog',
        summary:
          "A department's fault catalog: groups, categories with their questions (Open311 " +
          'attribute types), the nearby radius, the map and photo settings.',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          IF_NONE_MATCH,
        ],
        responses: {
          '200': {
            description: 'The catalog.',
            headers: CACHE_HEADERS,
            content: json(ref('FaultCatalog')),
          },
          ...NOT_MODIFIED,
          '404': problem(
            'No such department (`department_not_found`), or it takes no fault reports (`not_found`).',
          ),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/faults': {
      post: {
        operationId: 'createFaultReport',
        summary:
          'Report a fault (*felanmälan*): it becomes a case of channel `fault_report` whose topic ' +
          'is the category; answers with a receipt. Photos are uploaded first (`POST /v1/photos`) ' +
          'and named by id.',
        parameters: [IDEMPOTENCY_KEY],
        requestBody: { required: true, content: json(ref('FaultSubmission')) },
        responses: receiptResponses(
          'The report is durably stored.',
          'Field errors name `report.category` (`unknown_category`), `report.answers.<code>` ' +
            '(`required`, `unknown_attribute`, `not_a_choice`, `invalid_format`), ' +
            '`report.photos` (`too_long` with `params.maximum`; `unknown_photo`: one was taken ' +
            'or expired while the report was stored) and `report.photos.<i>` (`unknown_photo`).',
        ),
      },
    },
    '/v1/faults/nearby': {
      get: {
        operationId: 'listNearbyFaultReports',
        summary:
          "Open reports of a category within the department's radius of a point, nearest first, " +
          'at most 20; no personal data, points rounded to 4 decimals.',
        parameters: [
          query('department', 'The department id.'),
          query('category', 'A category id of its catalog.'),
          query('lat', 'WGS84 latitude in decimal degrees.', coordinate),
          query('lon', 'WGS84 longitude in decimal degrees.', coordinate),
        ],
        responses: {
          '200': { description: 'The reports.', content: json(ref('NearbyReportList')) },
          '422': problem('Invalid parameters (`validation_failed`, with `errors`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/geocode': {
      get: {
        operationId: 'geocode',
        summary:
          "Places for what a person typed, from the department's geocoder (searched by the " +
          'server: a widget only talks to its endpoint).',
        parameters: [
          query('department', 'The department id.'),
          query('q', 'What the person typed (2–200 characters).'),
        ],
        responses: {
          '200': { description: 'Places, best first.', content: json(ref('GeocodeResultList')) },
          '404': problem('The department has no geocoder (`geocoder_not_configured`).'),
          '422': problem('Invalid parameters (`validation_failed`, with `errors`).'),
          '502': problem('The geocoder failed or did not answer in time (`geocoder_failed`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/geocode/reverse': {
      get: {
        operationId: 'reverseGeocode',
        summary:
          "The place at a point, from the department's geocoder: the address there, or the " +
          "nearest of the department's own places within 250 m; `place` is null when it knows " +
          'none. The point is rounded to about ten metres before a geocoding service is asked.',
        parameters: [
          query('department', 'The department id.'),
          query('lat', 'WGS84 latitude in decimal degrees.', coordinate),
          query('lon', 'WGS84 longitude in decimal degrees.', coordinate),
        ],
        responses: {
          '200': { description: 'The place, or null.', content: json(ref('ReverseGeocode')) },
          '404': problem('The department has no geocoder (`geocoder_not_configured`).'),
          '422': problem('Invalid parameters (`validation_failed`, with `errors`).'),
          '502': problem('The geocoder failed or did not answer in time (`geocoder_failed`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
  };
}

export function faultSchemas(): JsonObject {
  return {
    FaultCatalog: jsonSchema(FaultCatalogSchema, 'output'),
    FaultSubmission: jsonSchema(FaultSubmissionSchema, 'input'),
    NearbyReportList: jsonSchema(NearbyReportListSchema, 'output'),
    GeocodeResultList: jsonSchema(GeocodeResultListSchema, 'output'),
    ReverseGeocode: jsonSchema(ReverseGeocodeSchema, 'output'),
  };
}
