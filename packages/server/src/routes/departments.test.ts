import { DepartmentSchema, ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /v1/departments', () => {
  it('lists every department with defaults filled in', async () => {
    const response = await fetch(`${server.url}/v1/departments`);
    expect(response.status).toBe(200);
    const { departments } = (await response.json()) as { departments: unknown[] };
    const parsed = departments.map((d) => DepartmentSchema.parse(d));
    expect(parsed.map((d) => d.id)).toEqual(['gata', 'skola']);
    expect(parsed[0]?.openingHours).toMatchObject({
      timeZone: 'Europe/Stockholm',
      closedOnPublicHolidays: true,
    });
  });

  it('gives one department by id', async () => {
    const response = await fetch(`${server.url}/v1/departments/skola`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toContain('max-age');
    const department = DepartmentSchema.parse(await response.json());
    expect(department.name.sv).toBe('Grundskoleförvaltningen');
    expect(department.categories.map((c) => c.id)).toContain('skolskjuts');
  });

  it('answers 404 department_not_found for an unknown id', async () => {
    const response = await fetch(`${server.url}/v1/departments/hamn`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(ProblemSchema.parse(await response.json()).code).toBe('department_not_found');
  });
});
