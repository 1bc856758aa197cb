/**
 * Test fixtures from a real municipality's departments, and a helper that starts a real server on a
 * random port. Other packages' tests (SDK, widgets) import this by relative path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DepartmentInput } from '@kontakt/core/schemas';
import type { RunningServer, ServerOptions } from '../server.js';
import { startServer } from '../server.js';

const weekdays = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };

/** Fastighets- och gatukontoret: streets, parking, street lights, snow clearing. */
export const gata: DepartmentInput = {
  id: 'gata',
  name: { sv: 'Fastighets- och gatukontoret', en: 'City Property and Streets Department' },
  allowedOrigins: ['https://gata.example.se'],
  categories: [
    { id: 'parkering', name: { sv: 'Parkering', en: 'Parking' } },
    { id: 'gatubelysning', name: { sv: 'Gatubelysning', en: 'Street lighting' } },
    { id: 'snorojning', name: { sv: 'Snöröjning och halkbekämpning', en: 'Snow and ice' } },
    { id: 'hal-i-gata', name: { sv: 'Hål i gata eller väg', en: 'Pothole' } },
  ],
  openingHours: {
    weekly: [weekdays],
    special: [{ date: '2027-04-30', opens: '08:00', closes: '13:00' }],
  },
  answerTimePromise: { workingDays: 2 },
};

/** Grundskoleförvaltningen: compulsory school. */
export const skola: DepartmentInput = {
  id: 'skola',
  name: { sv: 'Grundskoleförvaltningen', en: 'Compulsory School Department' },
  allowedOrigins: ['https://skola.example.se'],
  categories: [
    { id: 'skolval', name: { sv: 'Skolval', en: 'Choosing a school' } },
    { id: 'skolskjuts', name: { sv: 'Skolskjuts', en: 'School transport' } },
    { id: 'skolmat', name: { sv: 'Skolmat', en: 'School meals' } },
  ],
  openingHours: { weekly: [weekdays] },
  answerTimePromise: { workingDays: 5 },
};

export const testDepartments: DepartmentInput[] = [gata, skola];

/** A valid `POST /v1/cases` body for `gata`; pass parts to change. */
export function validSubmission(
  message: Record<string, unknown> = {},
  origin: Record<string, unknown> = {},
) {
  return {
    origin: {
      department: 'gata',
      pageUrl: 'https://gata.example.se/parkering/boendeparkering',
      widget: 'kc-contact-form',
      ...origin,
    },
    message: {
      topic: 'parkering',
      message: 'Hur söker jag boendeparkering på Södervärn?',
      answerChannel: 'email',
      email: 'anna.andersson@example.se',
      ...message,
    },
  };
}

export interface TestServer extends RunningServer {
  dataDir: string;
}

/**
 * Starts a real server on a random localhost port with the fixture departments, a fresh temporary
 * data directory (removed again by `close()` unless you passed your own `dataDir`) and no logging.
 */
export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<TestServer> {
  const ownDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'kontakt-test-')));
  const server = await startServer({
    departments: testDepartments,
    port: 0,
    logLevel: 'silent',
    ...overrides,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
