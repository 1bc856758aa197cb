// A web-test-runner plugin for the console's fault case test: the console's test departments with
// `gata` taking fault reports on a map whose tiles come from this very test server
// (src/fault/test-tiles/tile.png, one small tile for every coordinate), so the map is tested
// against local tiles and no network. The tile URL needs the runner's port, known only once it
// runs, so the configuration is written then:
//
//   console-fault-config → { config }   the path of a departments file to start a server with
//
// And the console's test configuration without one of its settings, for a test of what the
// console does when the server has it unset:
//
//   console-config-without { key } → { config }   e.g. { key: 'letterhead' }
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEPARTMENTS = join(HERE, '../src/test-support/departments.json');
const TILE = 'packages/console/src/fault/test-tiles/tile.png';

/** The streets department's fault settings: one category with a question of each kind shown. */
const faults = (origin) => ({
  categories: [
    {
      id: 'gatubelysning',
      name: { sv: 'Trasig gatubelysning', en: 'Broken street light' },
      attributes: [
        {
          code: 'hur',
          datatype: 'singlevaluelist',
          description: { sv: 'Lyser lampan inte alls, eller blinkar den?', en: 'Out or blinking?' },
          required: true,
          order: 1,
          values: [
            { key: 'slackt', name: { sv: 'Helt släckt', en: 'Completely out' } },
            { key: 'blinkar', name: { sv: 'Blinkar', en: 'Blinking' } },
          ],
        },
        {
          code: 'stolpnummer',
          datatype: 'string',
          description: { sv: 'Stolpnummer', en: 'Pole number' },
          order: 2,
        },
      ],
    },
  ],
  nearbyRadiusMeters: 150,
  geocoder: {
    kind: 'places',
    places: [{ label: 'Stortorget, Malmö', lat: 55.6056, lon: 13.0018 }],
  },
  map: {
    tileUrl: `${origin}/${TILE}?z={z}&x={x}&y={y}`,
    attribution: '© Testkartan',
    center: { lat: 55.605, lon: 13.0 },
    zoom: 15,
    maxZoom: 19,
  },
  photos: { maxCount: 3 },
});

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function consoleFaultFixture() {
  let origin = 'http://localhost:8000';
  return {
    name: 'console-fault-fixture',
    serverStart({ config }) {
      origin = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
    },
    executeCommand({ command, payload }) {
      if (command === 'console-config-without') {
        const file = JSON.parse(readFileSync(DEPARTMENTS, 'utf8'));
        delete file[/** @type {{ key: string }} */ (payload).key];
        return { config: written(file) };
      }
      if (command !== 'console-fault-config') return undefined;
      const file = JSON.parse(readFileSync(DEPARTMENTS, 'utf8'));
      const gata = file.departments.find((department) => department.id === 'gata');
      gata.faults = faults(origin);
      return { config: written(file) };
    },
  };
}

/** Writes a configuration to a file of its own and returns its path. */
function written(file) {
  const config = join(mkdtempSync(join(tmpdir(), 'kontakt-console-')), 'departments.json');
  writeFileSync(config, JSON.stringify(file));
  return config;
}
