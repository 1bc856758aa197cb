import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import { isNetworkError } from '../errors/NetworkError.js';
import { DepartmentSchema } from '../schemas/department.js';
import type { FaultServer } from '../test-support/fault-server.js';
import { freePort, problem, startFaultServer } from '../test-support/fault-server.js';
import {
  fetchDepartmentPreview,
  peekDepartmentPreview,
  readDepartmentPreview,
} from './department-preview.js';
import { departmentUrl } from './department-url.js';
import { peekEarlyAnswer, startEarlyGet, takeEarlyGet } from './early-get.js';

const gata = {
  id: 'gata',
  name: { sv: 'Fastighets- och gatukontoret', en: 'City Property and Streets Department' },
  allowedOrigins: ['https://gata.example.se'],
  categories: [
    { id: 'parkering', name: { sv: 'Parkering', en: 'Parking' } },
    { id: 'gator-och-vagar', name: { sv: 'Gator och vägar' } },
  ],
  openingHours: {
    timeZone: 'Europe/Stockholm',
    weekly: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }],
  },
  answerTimePromise: { workingDays: 2 },
};

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fetchDepartmentPreview', () => {
  it('reads the topics, names and time zone of the department', async () => {
    server = await startFaultServer(() => ({ status: 200, json: gata }));
    expect(await fetchDepartmentPreview(`${server.url}/`, 'gata')).toEqual({
      id: 'gata',
      name: gata.name,
      categories: gata.categories,
      timeZone: 'Europe/Stockholm',
    });
    expect(server.requests[0]?.url).toBe('/v1/departments/gata');
  });

  it('sends one request for widgets that ask at the same time', async () => {
    server = await startFaultServer(() => ({ status: 200, json: gata }));
    const [a, b] = await Promise.all([
      fetchDepartmentPreview(server.url, 'gata'),
      fetchDepartmentPreview(server.url, 'gata'),
    ]);
    expect(a).toBe(b);
    expect(server.requests).toHaveLength(1);
  });

  it('reuses an answer for the widgets that ask later', async () => {
    server = await startFaultServer(() => ({ status: 200, json: gata }));
    const first = await fetchDepartmentPreview(server.url, 'gata');
    expect(await fetchDepartmentPreview(server.url, 'gata')).toBe(first);
    expect(server.requests).toHaveLength(1);
  });

  it('asks again after a failure', async () => {
    server = await startFaultServer((_, index) =>
      index === 0
        ? { status: 503, json: problem(503, 'service_unavailable') }
        : { status: 200, json: gata },
    );
    await expect(fetchDepartmentPreview(server.url, 'gata')).rejects.toMatchObject({
      code: 'service_unavailable',
      status: 503,
    });
    expect((await fetchDepartmentPreview(server.url, 'gata')).id).toBe('gata');
  });

  it('takes over the request a script-tag starter sent before the SDK loaded', async () => {
    server = await startFaultServer(() => ({ status: 200, json: gata }));
    // What the starter's own copy of early-get does, before this module was even loaded.
    startEarlyGet(departmentUrl(server.url, 'gata'));
    startEarlyGet(departmentUrl(server.url, 'gata'));
    expect((await fetchDepartmentPreview(server.url, 'gata')).id).toBe('gata');
    expect(server.requests).toHaveLength(1);
    // Taken once: nothing is left for a later caller to pick up by mistake.
    expect(takeEarlyGet(departmentUrl(server.url, 'gata'))).toBeUndefined();
  });

  it('gives an early answer that is in at once, and the same answer to whoever asks', async () => {
    server = await startFaultServer(() => ({ status: 200, json: gata }));
    const url = departmentUrl(server.url, 'gata');
    expect(peekDepartmentPreview(server.url, 'gata')).toBeUndefined();
    startEarlyGet(url);
    // Under way: nothing yet, and the request stays for its taker.
    expect(peekDepartmentPreview(server.url, 'gata')).toBeUndefined();
    // The body is read as soon as it arrives, before anyone asks.
    await vi.waitFor(() => expect(peekEarlyAnswer(url)?.body).toEqual(gata));
    const preview = peekDepartmentPreview(server.url, 'gata');
    expect(preview?.categories).toEqual(gata.categories);
    expect(peekDepartmentPreview(server.url, 'gata')).toBe(preview);
    expect(await fetchDepartmentPreview(server.url, 'gata')).toBe(preview);
    expect(server.requests).toHaveLength(1);
    expect(takeEarlyGet(url)).toBeUndefined();
  });

  it('leaves an early error answer to the request, which reports it', async () => {
    server = await startFaultServer(() => ({
      status: 404,
      json: problem(404, 'department_not_found'),
    }));
    const url = departmentUrl(server.url, 'okand');
    startEarlyGet(url);
    await vi.waitFor(() => expect(peekEarlyAnswer(url)?.status).toBe(404));
    expect(peekDepartmentPreview(server.url, 'okand')).toBeUndefined();
    await expect(fetchDepartmentPreview(server.url, 'okand')).rejects.toMatchObject({
      code: 'department_not_found',
      status: 404,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('applies its timeout to an early request that does not answer', async () => {
    server = await startFaultServer(() => 'hang');
    startEarlyGet(departmentUrl(server.url, 'gata'));
    const error = await fetchDepartmentPreview(server.url, 'gata', { timeout: 100 }).catch(
      (caught: unknown) => caught,
    );
    expect(isNetworkError(error) && error.code).toBe('timeout');
  });

  it('reports the failure of an early request, and asks again next time', async () => {
    server = await startFaultServer((_, index) =>
      index === 0 ? problem(503, 'unavailable') : { status: 200, json: gata },
    );
    startEarlyGet(departmentUrl(server.url, 'gata'));
    await expect(fetchDepartmentPreview(server.url, 'gata')).rejects.toMatchObject({
      status: 503,
    });
    expect((await fetchDepartmentPreview(server.url, 'gata')).id).toBe('gata');
    expect(server.requests).toHaveLength(2);
  });

  it('passes on the server’s code for an unknown department', async () => {
    server = await startFaultServer(() => ({
      status: 404,
      json: problem(404, 'department_not_found'),
    }));
    await expect(fetchDepartmentPreview(server.url, 'okand')).rejects.toMatchObject({
      code: 'department_not_found',
      status: 404,
    });
  });

  it('rejects an answer without topics', async () => {
    server = await startFaultServer(() => ({ status: 200, json: { ...gata, categories: [] } }));
    await expect(fetchDepartmentPreview(server.url, 'gata')).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('says the server could not be reached when nothing listens', async () => {
    const error = await fetchDepartmentPreview(
      `http://127.0.0.1:${await freePort()}`,
      'gata',
    ).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
  });

  it('gives up after its timeout', async () => {
    server = await startFaultServer(() => 'hang');
    await expect(fetchDepartmentPreview(server.url, 'gata', { timeout: 50 })).rejects.toMatchObject(
      { code: 'timeout' },
    );
  });

  it('stops waiting for an aborted caller without aborting the request for others', async () => {
    server = await startFaultServer(() => 'hang');
    const controller = new AbortController();
    const aborted = fetchDepartmentPreview(server.url, 'gata', {
      signal: controller.signal,
      timeout: 300,
    });
    const other = fetchDepartmentPreview(server.url, 'gata');
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' });
    // The other caller still waits for the one shared request, which ends by its own timeout.
    await expect(other).rejects.toMatchObject({ code: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('readDepartmentPreview', () => {
  it('accepts every department the contract accepts', () => {
    const parsed = DepartmentSchema.parse(gata);
    expect(readDepartmentPreview(parsed)?.categories).toEqual(parsed.categories);
    expect(readDepartmentPreview(gata)?.timeZone).toBe('Europe/Stockholm');
  });

  it('reads the photos a message may carry, as the server sends them, and none without', () => {
    expect(readDepartmentPreview(gata)?.photos).toBeUndefined();
    const settings = { maxCount: 2, maxEdge: 1600, maxBytes: 2_000_000 };
    // The server sends them with the contract's defaults filled in.
    const parsed = DepartmentSchema.parse({ ...gata, messagePhotos: { maxCount: 2 } });
    expect(parsed.messagePhotos).toEqual(settings);
    expect(readDepartmentPreview(parsed)?.photos).toEqual(settings);
    // None at all is the same as no photos: the form offers none.
    const none = { ...gata, messagePhotos: { maxCount: 0 } };
    expect(readDepartmentPreview(none)?.photos).toBeUndefined();
  });

  it.each([
    ['more than five', { maxCount: 6 }],
    ['a count that is not a whole number', { maxCount: 1.5 }],
    ['no count', { maxEdge: 1600 }],
    ['settings that are not an object', 'yes'],
  ])('offers no photos for %s, and reads the rest of the department', (_, messagePhotos) => {
    const preview = readDepartmentPreview({ ...gata, messagePhotos });
    expect(preview?.categories).toEqual(gata.categories);
    expect(preview?.photos).toBeUndefined();
  });

  it.each([
    ['no id', { ...gata, id: undefined }],
    ['an id that is not a slug', { ...gata, id: 'Gata Kontoret' }],
    ['a name without Swedish', { ...gata, name: { en: 'Streets' } }],
    ['a topic without a name', { ...gata, categories: [{ id: 'parkering' }] }],
    ['a topic name that is not text', { ...gata, categories: [{ id: 'p', name: { sv: 3 } }] }],
    ['topics that are not a list', { ...gata, categories: { id: 'parkering' } }],
    ['a time zone that is not a zone name', { ...gata, openingHours: { timeZone: '../etc' } }],
    ['nothing', null],
  ])('rejects %s, as the contract does', (_, body) => {
    expect(readDepartmentPreview(body)).toBeUndefined();
    expect(DepartmentSchema.safeParse(body).success).toBe(false);
  });
});
