// The agent inbox with 100,000 cases, on both stores: the first page, a deep page (by key) and each
// filter's first page, p50 and p99 of repeated runs.
//
//   npm run bench:inbox [-- --cases 100000 --runs 40 --store embedded|postgres|both --write]
//
// The queries are the server's own (`listInbox`, run from source), on a database seeded with
// realistic cases: five departments, their topics, one in ten with an interpreter, a year of
// arrivals, a share answered, forwarded and assigned. `--write` puts the table into BENCHMARKS.md
// (its `agent-inbox` section). PostgreSQL: a private server with fsync on (scripts/postgres.mjs).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { writeSection } from './lib/benchmarks-file.mjs';
import { describeMachine } from './lib/machine.mjs';
import { openStoreDatabase } from './store-database.mjs';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '40' },
    store: { type: 'string', default: 'both' },
    write: { type: 'boolean', default: false },
  },
});

const { insertCases } = await import('../packages/server/src/store/cases.ts');
const { listInbox } = await import('../packages/server/src/agent-cases/inbox.ts');
const { createCaseReference } = await import('../packages/core/src/schemas/reference.ts');
const { sql } = await import('kysely');

const TOTAL = Number(values.cases);
const RUNS = Number(values.runs);
const NOW = new Date('2026-12-01T12:00:00Z');
const DEPARTMENTS = {
  gata: ['parkering', 'gatubelysning', 'snorojning', 'hal-i-gata'],
  skola: ['skolval', 'skolskjuts', 'skolmat'],
  bygglov: ['bygglov', 'strandskydd'],
  miljo: ['buller', 'avfall'],
  stadskontoret: ['ovrigt'],
};
const WORDS = (
  'hej jag undrar hur man söker boendeparkering bygglov för altan skolskjuts till min son ' +
  'gatlampan lyser inte vid busshållplatsen snön är inte plogad på gång och cykelvägen ' +
  'när kommer beslutet om ansökan avgiften verkar fel fakturan hämtning av sopor buller ' +
  'från grannens fläkt kan ni ringa mig tack vänliga hälsningar'
).split(' ');

const ALL = { all: true, departments: [] };
const SPECIALIST = { all: false, departments: ['skola'] };
const now = NOW.toISOString();

const QUERIES = [
  ['first page', ALL, {}],
  ['deep page (90% down)', ALL, {}, 'deep'],
  ['department', ALL, { department: 'skola' }],
  ['status open', ALL, { status: 'open' }],
  ['status waiting for citizen', ALL, { status: 'waiting_for_citizen' }],
  ['channel phone', ALL, { channel: 'phone' }],
  ['topic', ALL, { topic: 'bygglov' }],
  ['need interpreter', ALL, { need: 'interpreter' }],
  ['assigned to me', ALL, { assignee: 'agent-4' }],
  ['unassigned', ALL, { assignee: null }],
  ['overdue', ALL, { overdue: true }],
  ['search: common word', ALL, { text: 'bygglov' }],
  ['search: rare word', ALL, { text: 'zxqvunik' }],
  ['search: reference', ALL, { reference: 'FROM_DATA' }],
  ['specialist (forwarded to skola)', SPECIALIST, {}],
  ['priority high', ALL, { priority: 'high' }],
  ['classification: a category (its subtree)', ALL, { classification: 'gata-och-trafik' }],
  ['classification: a subtype', ALL, { classification: 'gata-och-trafik/parkering/felparkering' }],
  ['oldest first', ALL, {}, 'oldest'],
  ['oldest first, open (the queue in turn)', ALL, { status: 'open' }, 'oldest'],
];

/** The classification paths seeded on gata's cases (a fifth of all), each on a fifth of them. */
const GATA_PATHS = [
  'gata-och-trafik/parkering/felparkering',
  'gata-och-trafik/parkering/boendeparkering',
  'gata-och-trafik/trafiksakerhet',
  'drift-och-underhall/gatubelysning',
  'park-och-natur',
];

const stores = values.store === 'both' ? ['embedded', 'postgres'] : [values.store];
const results = {};
for (const store of stores) {
  const { db, close } = await openStoreDatabase(store, 'inbox');
  try {
    const seeded = await seed(db);
    // A live database has its statistics; the planner chooses the inbox's indexes by them.
    if (store === 'postgres') await sql`analyze`.execute(db);
    results[store] = await measure(db, seeded);
  } finally {
    await close();
  }
}
const markdown = table(results);
console.log(markdown);
if (values.write) writeSection('agent-inbox', markdown);

/** Seeds `TOTAL` cases; returns a reference to look up and the key 90% of the way down. */
async function seed(db) {
  const started = performance.now();
  const departments = Object.keys(DEPARTMENTS);
  let someReference = '';
  for (let start = 0; start < TOTAL; start += 5000) {
    const batch = [];
    for (let i = start; i < Math.min(TOTAL, start + 5000); i++) {
      const department = departments[i % departments.length];
      const topics = DEPARTMENTS[department];
      const createdAt = new Date(NOW.getTime() - (TOTAL - i) * ((365 * 86_400_000) / TOTAL));
      const reference = createCaseReference();
      if (i === Math.floor(TOTAL / 3)) someReference = reference;
      const words = Array.from({ length: 30 }, (_, w) => WORDS[(i * 7 + w * 13) % WORDS.length]);
      batch.push({
        reference,
        receiptTokenHash: randomBytes(32).toString('hex'),
        channel: i % 7 === 0 ? 'phone' : i % 11 === 0 ? 'visit' : 'web_form',
        origin: {
          department,
          pageUrl: `https://${department}.example.se/sida-${i % 50}`,
          widget: 'kc-contact-form',
        },
        topic: topics[i % topics.length],
        message: {
          topic: topics[i % topics.length],
          message: words.join(' '),
          answerChannel: 'email',
          answerLanguage: 'sv',
          needs: i % 10 === 0 ? ['interpreter'] : [],
          ...(i % 10 === 0 ? { interpreterLanguage: 'arabiska' } : {}),
          name: `Person ${i}`,
          email: `person${i}@example.se`,
        },
        createdAt: createdAt.toISOString(),
        answerBy: new Date(createdAt.getTime() + 2 * 86_400_000).toISOString(),
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertCases(trx, batch);
      // Handling, as a year of work leaves it: most finished and answered, some held, forwarded.
      for (const [index, row] of batch.entries()) {
        const i = start + index;
        const finished = i < TOTAL * 0.9 && i % 13 !== 0;
        const changes = {
          staff_status: finished
            ? 'closed'
            : ['received', 'assigned', 'in_progress', 'waiting_for_citizen', 'forwarded'][i % 5],
          ...(finished ? { first_answered_at: row.answerBy } : {}),
          ...(i % 4 === 0 ? { assignee_id: `agent-${i % 12}`, assignee_name: 'Agent' } : {}),
          ...(i % 9 === 0 ? { forwarded_to: 'skola' } : {}),
          ...(i % 17 === 0 ? { priority: 'high' } : i % 23 === 0 ? { priority: 'low' } : {}),
          ...(row.origin.department === 'gata'
            ? { classification: GATA_PATHS[Math.floor(i / 5) % GATA_PATHS.length] }
            : {}),
        };
        if (i % 2 === 0 || !finished) {
          await trx
            .updateTable('cases')
            .set(changes)
            .where('reference', '=', row.reference)
            .execute();
        } else {
          await trx
            .updateTable('cases')
            .set({ staff_status: 'closed', first_answered_at: row.answerBy })
            .where('reference', '=', row.reference)
            .execute();
        }
      }
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const deep = await db
    .selectFrom('cases')
    .select(['created_at', 'reference'])
    .orderBy('created_at', 'desc')
    .orderBy('reference', 'desc')
    .offset(Math.floor(TOTAL * 0.9))
    .limit(1)
    .executeTakeFirstOrThrow();
  console.error(`seeded ${TOTAL} cases in ${seconds.toFixed(1)} s`);
  return { someReference, deep: { createdAt: deep.created_at, reference: deep.reference } };
}

async function measure(db, { someReference, deep }) {
  const rows = [];
  for (const [name, scope, filter, where] of QUERIES) {
    const request = {
      scope,
      filter: filter.reference ? { reference: someReference } : filter,
      limit: 50,
      now,
      ...(where === 'deep' ? { after: deep } : {}),
      ...(where === 'oldest' ? { order: 'oldest' } : {}),
    };
    let found = 0;
    for (let warm = 0; warm < 3; warm++) found = (await listInbox(db, request)).cases.length;
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await listInbox(db, request);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    rows.push({ name, found, p50: at(0.5), p99: at(0.99) });
    console.error(
      `${name}: ${found} rows, p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`,
    );
  }
  return rows;
}

function table(byStore) {
  const stores = Object.keys(byStore);
  const machine = describeMachine('—');
  const names = byStore[stores[0]].map((row) => row.name);
  const header = `| query (a page of 50) | ${stores.map((s) => `${s} p50 / p99 (ms)`).join(' | ')} |`;
  const rule = `|---|${stores.map(() => '---:').join('|')}|`;
  const lines = names.map((name, index) => {
    const cells = stores.map((store) => {
      const row = byStore[store][index];
      return `${row.p50.toFixed(1)} / ${row.p99.toFixed(1)}`;
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [
    `### Agent inbox: ${TOTAL.toLocaleString('en')} cases`,
    '',
    `\`bench/agent-inbox.mjs\`: the server's own \`listInbox\` query, ${RUNS} runs each after warm-up, ` +
      'newest first unless oldest first is said, paged by key (created_at, reference). The embedded store is SQLite in WAL ' +
      'mode (queried here on its connection, as its worker thread does); PostgreSQL with fsync on. ' +
      'Word search is `LIKE` on a lower-case search column with a trigram index: GIN on ' +
      'PostgreSQL, FTS5 on SQLite, where a rare word (up to 2,000 cases) is listed from the index ' +
      "and a common one found by the inbox scan, which stops at a page. Gata's cases (a fifth) are " +
      "classified, a fifth of them at each of five paths; a category's subtree is several ranges " +
      "of its index, not in the inbox's order, so SQLite sorts the matching keys before it reads " +
      "the page's rows.",
    '',
    `${machine.cpu}, ${machine.ram}, ${machine.os}, Node ${machine.node}.`,
    '',
    header,
    rule,
    ...lines,
  ].join('\n');
}
