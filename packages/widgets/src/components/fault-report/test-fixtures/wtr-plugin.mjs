// A web-test-runner plugin for the fault report's map test: the test server's `gata` with a map
// whose tiles come from this very test server (test-fixtures/tiles/tile.png, one small tile for
// every coordinate), so the map is tested against local tiles and no network. The tile URL needs
// the dev server's port, known only once it runs, so the configuration is written then:
//
//   fault-report-map-config → { config }   the path of a departments file to start a server with
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TILES = 'packages/widgets/src/components/fault-report/test-fixtures/tiles/tile.png';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function faultReportFixturePlugin() {
  let origin = 'http://localhost:8000';
  return {
    name: 'fault-report-fixture',
    serverStart({ config }) {
      origin = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
    },
    executeCommand({ command }) {
      if (command !== 'fault-report-map-config') return undefined;
      const file = JSON.parse(readFileSync(join(HERE, 'departments.json'), 'utf8'));
      const gata = file.departments.find((department) => department.id === 'gata');
      gata.faults.map = {
        tileUrl: `${origin}/${TILES}?z={z}&x={x}&y={y}`,
        attribution: '© Testkartan',
        center: { lat: 55.605, lon: 13.0 },
        zoom: 15,
        maxZoom: 19,
      };
      const config = join(tmpdir(), `kontakt-fault-map-${process.pid}.json`);
      writeFileSync(config, JSON.stringify(file));
      return { config };
    },
  };
}
