import { expect } from '@open-wc/testing';
import { VERSION } from './version.js';

it('VERSION equals the version in package.json', async () => {
  // The test server serves the repository, so the package's own manifest is the reference.
  const response = await fetch('/packages/widgets/package.json');
  const { version } = (await response.json()) as { version: string };
  expect(VERSION).to.equal(version);
});
