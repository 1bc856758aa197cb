// The nearby query of fault reports with 100,000 reports, on both stores: p50 and p99 of the
// server's own query (`selectNearbyReports`) at points spread over the city.
//
//   npm run bench:faults [-- --reports 100000 --runs 200 --store embedded|postgres|both --write]
//
// The reports are seeded through the server's own insert (`seedFaultReports`): ten categories
// over a 12 km square of Malmö, 70% finished. `--write` puts the table into BENCHMARKS.md (its
// `fault-nearby` section). PostgreSQL: a private server with fsync on (scripts/postgres.mjs).
import { parseArgs } from 'node:util';
import { writeSection } from './lib/benchmarks-file.mjs';
import { describeMachine } from './lib/machine.mjs';
import { openStoreDatabase } from './store-database.mjs';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '200' },
    store: { type: 'string', default: 'both' },
    write: { type: 'boolean', default: false },
  },
});

const { sql } = await import('kysely');
const { seedFaultReports } = await import('../packages/server/src/faults/seed.ts');
const { selectNearbyReports } = await import('../packages/server/src/faults/store.ts');

const TOTAL = Number(values.reports);
const RUNS = Number(values.runs);
const CENTER = { lat: 55.605, lon: 13.0038 };
const SPREAD = 6000;
const CATEGORIES = [
  'gatubelysning',
  'trafiksignal',
  'hal-i-gata',
  'gang-och-cykelvag',
  'sno-och-halka',
  'klotter',
  'nedskrapning',
  'papperskorg',
  'park-och-lekplats',
  'trad-och-buskage',
];
const RADII = [150, 500];

const stores = values.store === 'both' ? ['embedded', 'postgres'] : [values.store];
const results = {};
for (const store of stores) {
  const { db, close } = await openStoreDatabase(store, 'faults');
  try {
    const started = performance.now();
    const open = await seedFaultReports(db, {
      count: TOTAL,
      department: 'gata',
      categories: CATEGORIES,
      center: CENTER,
      spreadMeters: SPREAD,
    });
    if (store === 'postgres') await sql`analyze`.execute(db);
    console.error(
      `${store}: seeded ${TOTAL} reports (${open} open) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    results[store] = await measure(db);
  } finally {
    await close();
  }
}
const markdown = table(results);
console.log(markdown);
if (values.write) writeSection('fault-nearby', markdown);

/** The same fixed points every run: a grid over the city, each query at the next point. */
function points() {
  const list = [];
  const dLat = (SPREAD / 111_320) * 0.9;
  const dLon = dLat / Math.cos((CENTER.lat * Math.PI) / 180);
  for (let i = 0; i < 25; i++) {
    list.push({
      lat: CENTER.lat + ((i % 5) / 2 - 1) * dLat,
      lon: CENTER.lon + (Math.floor(i / 5) / 2 - 1) * dLon,
    });
  }
  return list;
}

async function measure(db) {
  const rows = [];
  const spots = points();
  for (const radiusMeters of RADII) {
    const query = (run) => ({
      department: 'gata',
      category: CATEGORIES[run % CATEGORIES.length],
      ...spots[run % spots.length],
      radiusMeters,
    });
    for (let warm = 0; warm < 20; warm++) await selectNearbyReports(db, query(warm));
    const times = [];
    let found = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      found += (await selectNearbyReports(db, query(run))).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    const row = {
      name: `radius ${radiusMeters} m`,
      found: found / RUNS,
      p50: at(0.5),
      p99: at(0.99),
    };
    rows.push(row);
    console.error(
      `${row.name}: ${row.found.toFixed(1)} reports, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms`,
    );
  }
  return rows;
}

function table(byStore) {
  const stores = Object.keys(byStore);
  const machine = describeMachine('—');
  const names = byStore[stores[0]].map((row) => row.name);
  const header = `| nearby query | reports found (mean) | ${stores.map((s) => `${s} p50 / p99 (ms)`).join(' | ')} |`;
  const rule = `|---|---:|${stores.map(() => '---:').join('|')}|`;
  const lines = names.map((name, index) => {
    const cells = stores.map((store) => {
      const row = byStore[store][index];
      return `${row.p50.toFixed(2)} / ${row.p99.toFixed(2)}`;
    });
    return `| ${name} | ${byStore[stores[0]][index].found.toFixed(1)} | ${cells.join(' | ')} |`;
  });
  return [
    `### Fault reports nearby: ${TOTAL.toLocaleString('en')} reports`,
    '',
    `\`bench/fault-nearby.mjs\`: the server's own \`selectNearbyReports\` (open reports of one ` +
      `category within the radius, nearest first, at most 20), ${RUNS} runs per radius after ` +
      `warm-up, at 25 points over a 12 km square of Malmö, ten categories, 70% of the reports ` +
      'finished. A bounding box on the index (department, category, lat, lon), joined to the ' +
      'cases for the status. The embedded store is SQLite in WAL mode on its connection; ' +
      'PostgreSQL with fsync on.',
    '',
    `${machine.cpu}, ${machine.ram}, ${machine.os}, Node ${machine.node}.`,
    '',
    header,
    rule,
    ...lines,
  ].join('\n');
}
