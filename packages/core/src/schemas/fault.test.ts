import { describe, expect, it } from 'vitest';
import type { $ZodIssue } from 'zod/v4/core';
import {
  FaultAttributeSchema,
  FaultCatalogSchema,
  FaultMapSettingsSchema,
  FaultReportSchema,
  NearbyReportListSchema,
  PhotoIdSchema,
} from './fault.js';
import { toFieldErrors } from './field-errors.js';

const report = {
  category: 'gatubelysning',
  description: 'Lampan är släckt.',
  location: { lat: 55.6036, lon: 13.0011 },
};

/** A parse's field errors as `field: code` lines. */
const errorsOf = (
  result: { success: true } | { success: false; error: { issues: $ZodIssue[] } },
) => (result.success ? [] : toFieldErrors(result.error.issues).map((e) => `${e.field}: ${e.code}`));

describe('FaultReportSchema', () => {
  it('fills in no answers, no photos, not anonymous and Swedish', () => {
    expect(FaultReportSchema.parse(report)).toEqual({
      ...report,
      answers: {},
      photos: [],
      anonymous: false,
      answerLanguage: 'sv',
    });
  });

  it('takes a place by address alone, or a point, but not half a point or nothing', () => {
    expect(
      FaultReportSchema.safeParse({ ...report, location: { address: 'Södergatan 12' } }).success,
    ).toBe(true);
    expect(errorsOf(FaultReportSchema.safeParse({ ...report, location: { lat: 55.6 } }))).toEqual([
      'location.lon: required',
    ]);
    expect(errorsOf(FaultReportSchema.safeParse({ ...report, location: {} }))).toEqual([
      'location.address: required',
    ]);
    expect(
      errorsOf(FaultReportSchema.safeParse({ ...report, location: { lat: 91, lon: 13 } })),
    ).toEqual(['location.lat: invalid_format']);
  });

  it('refuses contact details on an anonymous report', () => {
    const result = FaultReportSchema.safeParse({
      ...report,
      anonymous: true,
      contact: { email: 'anna@example.se' },
    });
    expect(errorsOf(result)).toEqual(['contact: invalid_option']);
  });

  it('takes answers of every Open311 type and at most ten photo ids', () => {
    const parsed = FaultReportSchema.parse({
      ...report,
      answers: { stolpnummer: 'B-1234', antal: 2, var: ['gata', 'park'] },
      photos: ['q3hVb0mX1fJz8kP2Lw9aTg'],
    });
    expect(parsed.answers).toEqual({ stolpnummer: 'B-1234', antal: 2, var: ['gata', 'park'] });
    const many = Array.from({ length: 11 }, () => 'q3hVb0mX1fJz8kP2Lw9aTg');
    expect(errorsOf(FaultReportSchema.safeParse({ ...report, photos: many }))).toEqual([
      'photos: too_long',
    ]);
    expect(PhotoIdSchema.safeParse('../etc/passwd').success).toBe(false);
  });
});

describe('the catalog', () => {
  it('needs choices for a choice question', () => {
    const question = { code: 'hur', datatype: 'singlevaluelist', description: { sv: 'Hur?' } };
    expect(errorsOf(FaultAttributeSchema.safeParse(question))).toEqual(['values: required']);
    expect(FaultAttributeSchema.parse({ ...question, datatype: 'string' })).toMatchObject({
      required: false,
      variable: true,
      values: [],
    });
  });

  it('needs a tile URL with {z}, {x} and {y}', () => {
    const map = { attribution: '© OpenStreetMap contributors', center: { lat: 55.6, lon: 13 } };
    expect(
      FaultMapSettingsSchema.safeParse({ ...map, tileUrl: 'https://t.example.se/{z}/{x}/{y}.png' })
        .success,
    ).toBe(true);
    expect(
      errorsOf(
        FaultMapSettingsSchema.safeParse({
          ...map,
          tileUrl: 'https://t.example.se/t.png',
        }) as never,
      ),
    ).toEqual(['tileUrl: invalid_url']);
  });

  it('fills in the radius, no geocoder and the photo limits', () => {
    expect(FaultCatalogSchema.parse({ department: 'gata', categories: [] })).toEqual({
      department: 'gata',
      groups: [],
      categories: [],
      nearbyRadiusMeters: 150,
      geocoder: false,
      photos: { maxCount: 3, maxEdge: 1600, maxBytes: 2_000_000 },
    });
  });

  it('reads a nearby list', () => {
    const list = NearbyReportListSchema.parse({
      radiusMeters: 150,
      reports: [
        {
          reference: 'KC-7F3K-9QXM',
          category: 'gatubelysning',
          status: 'in_progress',
          createdAt: '2027-03-25T02:00:00.000Z',
          updatedAt: '2027-03-25T08:00:00.000Z',
          distanceMeters: 40,
          location: { lat: 55.6036, lon: 13.0011 },
        },
      ],
    });
    expect(list.reports).toHaveLength(1);
  });
});
