import type { FaultCategoryInput } from '@kontakt/core/schemas';
import { describe, expect, it } from 'vitest';
import { parseDepartments } from '../config.js';
import { ConfigError } from '../config-error.js';
import { gata, skola } from '../test-support/departments.js';
import { gataFaults } from './fixtures.js';
import { faultCatalogOf, faultSettingsOf } from './settings.js';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

type FaultAttributeInput = NonNullable<FaultCategoryInput['attributes']>[number];

/** The fixture's item at `index` (a test of the fixture's own shape, so it must be there). */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`The fixture has no item ${index}`);
  return item;
}

const lights = at(gataFaults.categories, 0);
const pothole = at(gataFaults.categories, 1);
const question = at<FaultAttributeInput>(lights.attributes ?? [], 0);

describe("a department's fault settings", () => {
  it('are parsed with defaults beside the department, not in it', () => {
    const [streets, school] = parseDepartments([gata, skola]);
    if (!streets || !school) throw new Error('two departments');
    const settings = faultSettingsOf(streets);
    expect(settings?.categories[0]?.attributes[0]).toMatchObject({
      required: true,
      variable: true,
    });
    expect(settings?.map?.maxZoom).toBe(19);
    expect(faultSettingsOf(school)).toBeUndefined();
    expect(JSON.stringify(streets)).not.toContain('faults');
    // The public catalog says a geocoder is there, never where or what it knows.
    const catalog = faultCatalogOf(streets, settings as NonNullable<typeof settings>);
    expect(catalog.geocoder).toBe(true);
    expect(JSON.stringify(catalog)).not.toContain('Stortorget');
  });

  it('refuse duplicate category ids, unknown groups, and duplicate attribute codes and choices', () => {
    const attribute = question;
    const error = configError(() =>
      parseDepartments([
        {
          ...gata,
          faults: {
            ...gataFaults,
            categories: [
              { ...lights, attributes: [attribute, attribute] },
              { ...pothole, id: 'gatubelysning', group: 'ingen' },
              {
                id: 'skylt',
                name: { sv: 'Skylt' },
                attributes: [
                  {
                    ...attribute,
                    values: [
                      { key: 'a', name: { sv: 'A' } },
                      { key: 'a', name: { sv: 'A igen' } },
                    ],
                  },
                ],
              },
            ],
          },
        },
      ]),
    );
    expect(error.message).toContain(
      'departments.0.faults.categories.0.attributes.1.code: duplicate',
    );
    expect(error.message).toContain('departments.0.faults.categories.1.id: duplicate');
    expect(error.message).toContain('departments.0.faults.categories.1.group: invalid_option');
    expect(error.message).toContain(
      'departments.0.faults.categories.2.attributes.0.values: duplicate',
    );
  });

  it('name bad fields by their path: a choice question without choices, a tile URL without {z}', () => {
    const error = configError(() =>
      parseDepartments([
        {
          ...gata,
          faults: {
            ...gataFaults,
            map: { ...gataFaults.map, tileUrl: 'https://tiles.example.se/tile.png' },
            categories: [{ ...lights, attributes: [{ ...question, values: [] }] }],
            geocoder: { kind: 'nominatim', url: 'not a url' },
          },
        },
      ]),
    );
    expect(error.message).toContain('departments.0.faults.map.tileUrl: invalid_url');
    expect(error.message).toContain(
      'departments.0.faults.categories.0.attributes.0.values: required',
    );
    expect(error.message).toContain('departments.0.faults.geocoder.url: invalid_url');
  });
});
