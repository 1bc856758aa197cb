import { describe, expect, it } from 'vitest';
import { embeddedStoreProblem } from './sqlite-support.js';

describe('whether the embedded store can run here', () => {
  it('runs on a Node with N-API 10 (22.14 and later)', () => {
    expect(embeddedStoreProblem({ node: '22.14.0', napi: '10' })).toBeUndefined();
    expect(embeddedStoreProblem({ node: '24.21.0', napi: '10' })).toBeUndefined();
    expect(embeddedStoreProblem(process.versions)).toBeUndefined();
  });

  it('refuses an older Node in one sentence that names it and the ways out', () => {
    expect(embeddedStoreProblem({ node: '20.20.2', napi: '9' })).toBe(
      'The embedded store needs Node 22.14 or later, and this is Node 20.20.2: run the server on Node 24 LTS, or on PostgreSQL with DATABASE_URL.',
    );
    expect(embeddedStoreProblem({ node: '22.13.0', napi: '9' })).toContain('Node 22.13.0');
  });
});
