import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDepartmentsFile, parseDepartments } from './config.js';
import { ConfigError } from './config-error.js';
import { gata, skola } from './test-support/departments.js';

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
