/**
 * Test fixtures from a real municipality's departments, and a helper that starts a real server on a
 * random port with the store under test (see `store.ts`). Other packages' tests import it as
 * `@kontakt/server/test-support` (`index.ts`).
 */
import type { LetterheadInput } from '@kontakt/core/agent';
import type { DepartmentInput } from '@kontakt/core/schemas';
import { gataFaults } from '../faults/fixtures.js';
import type { FaultSettingsInput } from '../faults/settings.js';
import type { RunningServer, ServerOptions } from '../server.js';
import { startServer } from '../server.js';
import { openStore } from '../store/open.js';
import { createSqliteDatabase } from '../store/sqlite.js';
import type { TestDatabase } from './store.js';
import { createTestDatabase } from './store.js';

const weekdays = { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' };

/** Fastighets- och gatukontoret: streets, parking, street lights, snow clearing; fault reports. */
export const gata: DepartmentInput & { faults?: FaultSettingsInput } = {
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
  faults: gataFaults,
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

/** Open every hour of every day, holidays too: a test of a live service runs whenever it is run. */
export const ALWAYS_OPEN = {
  weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '00:00' }],
  closedOnPublicHolidays: false,
};

/** The test departments, open at all hours (`ALWAYS_OPEN`). */
export const alwaysOpenDepartments: DepartmentInput[] = testDepartments.map((department) => ({
  ...department,
  openingHours: ALWAYS_OPEN,
}));

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

/**
 * A message's parts for an answer by letter (pass to `validSubmission`): a name and a postal
 * address instead of the e-mail address.
 */
export const LETTER_ANSWER = {
  answerChannel: 'letter',
  email: undefined,
  name: 'Karin Holm',
  postalAddress: { street: 'Storgatan 1 lgh 1102', postalCode: '211 22', city: 'Malmö' },
} as const;

/**
 * A letterhead as an administrator may write it (the `letterhead` option): the postcode without
 * its space, which the server gives back as `205 80`.
 */
export const TEST_LETTERHEAD = {
  sender: { sv: 'Malmö stad, Kontaktcenter', en: 'City of Malmö, Contact Centre' },
  postalAddress: { street: 'Box 8100', postalCode: '20580', city: 'Malmö' },
  phone: '040-34 10 00',
  email: 'kontaktcenter@malmo.se',
  web: 'https://malmo.se',
} as const satisfies LetterheadInput;

/**
 * A valid `POST /v1/faults` body for `gata`: a street light out on Södergatan, with answers and a
 * point, from Anna; pass report fields to change (`contact: undefined, anonymous: true`).
 */
export function validFaultSubmission(report: Record<string, unknown> = {}) {
  return {
    origin: {
      department: 'gata',
      pageUrl: 'https://gata.example.se/felanmalan',
      widget: 'kc-fault-report',
    },
    report: {
      category: 'gatubelysning',
      description: 'Lampan utanför nummer 12 är släckt.',
      answers: { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata'] },
      location: { lat: 55.6035, lon: 13.0011, accuracy: 12, address: 'Södergatan 12' },
      contact: { name: 'Anna Andersson', email: 'anna.andersson@example.se' },
      ...report,
    },
  };
}

export interface TestServer extends RunningServer {
  /** The embedded store's directory (scratch space on PostgreSQL). */
  dataDir: string;
  /** The server's database; removed by `close()` unless you passed your own `database`. */
  database: TestDatabase;
}

export interface TestServerOptions extends Partial<ServerOptions> {
  /** Start on this database instead of a fresh one (to restart a server on the same data). */
  database?: TestDatabase;
}

/**
 * Starts a real server on a random localhost port with the fixture departments, a fresh database
 * of the store under test (removed again by `close()` unless you passed your own `database` or
 * `dataDir`) and no logging.
 */
export async function startTestServer(overrides: TestServerOptions = {}): Promise<TestServer> {
  const { database: given, ...options } = overrides;
  const database =
    given ??
    (options.dataDir === undefined
      ? await createTestDatabase()
      : sqliteDatabaseIn(options.dataDir));
  const owned = given === undefined && options.dataDir === undefined;
  try {
    const server = await startServer({
      departments: testDepartments,
      port: 0,
      logLevel: 'silent',
      ...database.options,
      ...options,
    });
    return {
      ...server,
      dataDir: database.dataDir,
      database,
      async close() {
        await server.close();
        if (owned) await database.remove();
      },
    };
  } catch (error) {
    if (owned) await database.remove();
    throw error;
  }
}

/** A caller's own data directory (the SDK's restart test): the embedded store, never removed here. */
function sqliteDatabaseIn(dataDir: string): TestDatabase {
  return {
    dataDir,
    options: { dataDir },
    open: () => openStore({ dataDir }),
    inspect: async (inspect) => {
      const db = createSqliteDatabase(dataDir);
      try {
        return await inspect(db);
      } finally {
        await db.destroy();
      }
    },
    remove: async () => {},
  };
}
