import { UploadedPhotoSchema } from '@kontakt/core/schemas';
import type { JsonObject } from './openapi-parts.js';
import { COMMON_PROBLEMS, json, jsonSchema, problem, ref } from './openapi-parts.js';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

const PHOTO_PARAMETERS = [
  {
    name: 'reference',
    in: 'path',
    required: true,
    description: 'The case reference.',
    schema: { type: 'string' },
  },
  {
    name: 'id',
    in: 'path',
    required: true,
    description:
      'The photo id, from `report.photos`, `message.photos` or a later message’s `photos`.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,43}$' },
  },
  {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The `ETag` of a copy the client has: `304` without a body when it matches.',
    schema: { type: 'string' },
  },
];

const PHOTO_ANSWER = {
  '200': {
    description:
      'The photo as stored (its metadata removed), `Content-Type` the sniffed type. ' +
      '`Cache-Control: private, max-age=3600`, `X-Content-Type-Options: nosniff`, ' +
      '`Content-Disposition: inline`, `Cross-Origin-Resource-Policy: same-origin`.',
    headers: {
      ETag: { description: 'The SHA-256 of the bytes.', schema: { type: 'string' } },
      'Cache-Control': { description: '`private, max-age=3600`.', schema: { type: 'string' } },
    },
    content: Object.fromEntries(
      ACCEPTED.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
    ),
  },
  '304': { description: 'The copy named in `If-None-Match` is current.' },
};

const NOT_FOUND = problem(
  'The one answer (`not_found`) to anything not allowed: no such case or photo, a photo of ' +
    'another case, a wrong token or a case this agent may not see.',
);

/** `POST /v1/photos` and the two ways to read a case's photo. */
export function photoPaths(): JsonObject {
  return {
    '/v1/photos': {
      post: {
        operationId: 'uploadPhoto',
        summary:
          'Upload one photo for a fault report or a contact message: the raw bytes, not ' +
          'multipart. What it is, is decided by its bytes (JPEG, PNG or WebP); it is stored ' +
          'without its metadata (Exif with GPS, XMP, comments) and deleted after 24 hours ' +
          'unless a report (`report.photos`), a message (`message.photos`) or a later ' +
          'message to a case (`POST /v1/cases/{reference}/messages`: `photos`) names its id.',
        parameters: [
          {
            name: 'department',
            in: 'query',
            required: true,
            description: 'The department the report or message will go to.',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          description: "Any `image/*` type; the server goes by the bytes, not by what's claimed.",
          content: Object.fromEntries(
            ACCEPTED.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
          ),
        },
        responses: {
          '201': {
            description:
              'Stored: its id (for `report.photos` or `message.photos`), sniffed type, size, ' +
              'dimensions.',
            content: json(ref('UploadedPhoto')),
          },
          '403': problem(
            'A page of an origin the department does not allow (`origin_not_allowed`).',
          ),
          '404': problem('No such department (`department_not_found`).'),
          '413': problem(
            "Over the department's limit — the larger of `faults.photos.maxBytes` and " +
              '`messagePhotos.maxBytes`, of the ones it has — or more than 10,000 pixels a side ' +
              'or 40 megapixels (`payload_too_large`).',
          ),
          '415': problem(
            'Not an image type, or bytes that are not a JPEG, PNG or WebP (HEIC, GIF, SVG, ' +
              'text): `unsupported_media_type`, the detail says what it is.',
          ),
          '422': problem(
            'No `department`, or one that takes photos neither with fault reports (`faults`) ' +
              'nor with messages (`messagePhotos` with `maxCount` above 0): `validation_failed`.',
          ),
          ...COMMON_PROBLEMS,
          '429': {
            ...COMMON_PROBLEMS['429'],
            description:
              'Too many requests (`rate_limited`): the POST rate limit, or more than 60 photos ' +
              'in an hour from one address; see `Retry-After`.',
          },
        },
      },
    },
    '/v1/cases/{reference}/photos/{id}': {
      get: {
        operationId: 'getCasePhoto',
        summary: 'A photo of a case, for whoever may read the case (its receipt or access token).',
        security: [{ caseAccessToken: [] }],
        parameters: PHOTO_PARAMETERS,
        responses: {
          ...PHOTO_ANSWER,
          '401': problem('No `Authorization: Bearer` token (`unauthorized`).'),
          '404': NOT_FOUND,
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/agent/cases/{reference}/photos/{id}': {
      get: {
        operationId: 'getAgentCasePhoto',
        summary: 'A photo of a case, for an agent who may see the case.',
        security: [{ agentSession: [] }],
        parameters: PHOTO_PARAMETERS,
        responses: {
          ...PHOTO_ANSWER,
          '401': problem('No valid session (`unauthorized`).'),
          '404': NOT_FOUND,
          ...COMMON_PROBLEMS,
        },
      },
    },
  };
}

/** The component schemas the photo paths refer to. */
export function photoSchemas(): JsonObject {
  return { UploadedPhoto: jsonSchema(UploadedPhotoSchema, 'output') };
}
