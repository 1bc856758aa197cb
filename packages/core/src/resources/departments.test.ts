import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import type { FaultServer } from '../test-support/fault-server.js';
import { problem, startFaultServer } from '../test-support/fault-server.js';

const gata = {
  id: 'gata',
  name: { sv: 'Fastighets- och gatukontoret', en: 'City Property and Streets Department' },
  allowedOrigins: ['https://gata.example.se'],
  categories: [{ id: 'parkering', name: { sv: 'Parkering' } }],
  openingHours: {
    timeZone: 'Europe/Stockholm',
    weekly: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }],
    closedOnPublicHolidays: true,
    special: [],
  },
  answerTimePromise: { workingDays: 2 },
};

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (url: string) =>
  createClient({
    endpoint: `${url}/`,
    department: 'gata',
    retry: { delay: () => 5 },
    outbox: false,
  });

describe('departments', () => {
  it('gets the client’s own department, parsed', async () => {
    server = await startFaultServer(() => ({ status: 200, json: gata }));
    expect(await clientFor(server.url).departments.get()).toEqual(gata);
    expect(server.requests[0]?.url).toBe('/v1/departments/gata');
  });

  it('escapes the id it is given', async () => {
    server = await startFaultServer(() => ({
      status: 404,
      json: problem(404, 'department_not_found'),
    }));
    const error = await clientFor(server.url)
      .departments.get('../admin?x')
      .catch((e: unknown) => e);
    expect(server.requests[0]?.url).toBe('/v1/departments/..%2Fadmin%3Fx');
    expect(error).toMatchObject({ code: 'department_not_found', status: 404 });
  });

  it('retries a GET after a 502 and a dropped connection', async () => {
    server = await startFaultServer((_, index) =>
      index === 0
        ? { status: 502, text: 'Bad Gateway' }
        : index === 1
          ? 'drop'
          : { status: 200, json: gata },
    );
    expect((await clientFor(server.url).departments.get()).id).toBe('gata');
    expect(server.requests).toHaveLength(3);
  });

  it('rejects a department that does not match the contract', async () => {
    server = await startFaultServer(() => ({ status: 200, json: { ...gata, categories: [] } }));
    const error = await clientFor(server.url)
      .departments.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('lists every department', async () => {
    server = await startFaultServer(() => ({ status: 200, json: { departments: [gata] } }));
    expect(await clientFor(server.url).departments.list()).toEqual([gata]);
    expect(server.requests[0]?.url).toBe('/v1/departments');
  });
});
