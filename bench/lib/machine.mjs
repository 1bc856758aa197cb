// What the numbers were measured on: without it they cannot be compared with another run.
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';

/** @param {string} browserVersion e.g. `HeadlessChrome/138.0.7204.92` */
export function describeMachine(browserVersion) {
  const cores = cpus();
  return {
    cpu: `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores`,
    ram: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: `${osName()} (${type()} ${release()})`,
    node: process.version,
    browser: browserVersion,
  };
}

function osName() {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((each) => each.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '') : process.platform;
  } catch {
    return process.platform;
  }
}
