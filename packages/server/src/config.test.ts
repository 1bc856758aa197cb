import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile, loadDepartmentsFile, parseDepartments } from './config.js';
import { ConfigError } from './config-error.js';
import { gata, skola, TEST_LETTERHEAD } from './test-support/departments.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontakt-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseDepartments', () => {
  it('fills in defaults', () => {
    const [department] = parseDepartments([gata]);
    expect(department?.openingHours.timeZone).toBe('Europe/Stockholm');
    expect(department?.openingHours.special).toHaveLength(1);
  });

  it('names every bad field in its message', () => {
    const error = configError(() =>
      parseDepartments([
        gata,
        { ...skola, allowedOrigins: ['https://skola.example.se/path'], categories: [] },
      ]),
    );
    expect(error.message).toContain('departments.1.allowedOrigins.0: invalid_url');
    expect(error.message).toContain('departments.1.categories: required');
    expect(error.errors).toHaveLength(2);
  });

  it('refuses duplicate ids, unknown time zones and an empty list', () => {
    const error = configError(() =>
      parseDepartments([
        gata,
        { ...gata, openingHours: { ...gata.openingHours, timeZone: 'Mars/Base' } },
      ]),
    );
    expect(error.errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
      'departments.1.id: duplicate',
      'departments.1.openingHours.timeZone: invalid_option',
    ]);
    expect(configError(() => parseDepartments([])).errors[0]?.code).toBe('required');
  });
});

describe('loadDepartmentsFile', () => {
  it('reads { departments: [...] } from JSON', async () => {
    const file = join(dir, 'departments.json');
    await writeFile(file, JSON.stringify({ departments: [gata, skola] }));
    expect((await loadDepartmentsFile(file)).map((d) => d.id)).toEqual(['gata', 'skola']);
  });

  it('says which file is wrong and why', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "departments": [');
    await expect(loadDepartmentsFile(file)).rejects.toThrow(`${file} is not valid JSON`);
    const missing = join(dir, 'missing.json');
    await writeFile(missing, '{}');
    await expect(loadDepartmentsFile(missing)).rejects.toThrow(
      `Invalid configuration in ${missing}`,
    );
  });
});

describe('the letterhead of a configuration file', () => {
  it('is read checked, the postcode as `205 80`; a file without one has none', async () => {
    const file = join(dir, 'letterhead.json');
    await writeFile(file, JSON.stringify({ departments: [gata], letterhead: TEST_LETTERHEAD }));
    expect((await loadConfigFile(file)).letterhead).toEqual({
      ...TEST_LETTERHEAD,
      postalAddress: { street: 'Box 8100', postalCode: '205 80', city: 'Malmö' },
    });
    const without = join(dir, 'without-letterhead.json');
    await writeFile(without, JSON.stringify({ departments: [gata] }));
    expect(await loadConfigFile(without)).not.toHaveProperty('letterhead');
  });

  it('names the file and each bad field under letterhead', async () => {
    const file = join(dir, 'bad-letterhead.json');
    const letterhead = {
      ...TEST_LETTERHEAD,
      sender: { en: 'City of Malmö' },
      postalAddress: { ...TEST_LETTERHEAD.postalAddress, postalCode: '05 80' },
    };
    await writeFile(file, JSON.stringify({ departments: [gata], letterhead }));
    const error = await loadConfigFile(file).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`Invalid configuration in ${file}`);
    expect((error as ConfigError).errors.map((e) => `${e.pointer}: ${e.code}`)).toEqual([
      '/letterhead/sender/sv: required',
      '/letterhead/postalAddress/postalCode: invalid_postal_code',
    ]);
  });

  it("is in the demo: Exempelstaden's contact center, in all four languages", async () => {
    const demo = new URL('../../../examples/demo/departments.json', import.meta.url).pathname;
    const { letterhead } = await loadConfigFile(demo);
    expect(Object.keys(letterhead?.sender ?? {})).toEqual(['sv', 'en', 'fi', 'ar']);
    expect(letterhead).toMatchObject({
      sender: { sv: 'Exempelstadens kommun, Kontaktcenter' },
      postalAddress: { street: 'Box 100', postalCode: '123 45', city: 'Exempelstaden' },
      web: 'https://exempelstaden.se',
    });
  });
});
