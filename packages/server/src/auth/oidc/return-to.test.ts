import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it.each([
    [undefined, DEFAULT_RETURN_TO],
    ['', DEFAULT_RETURN_TO],
    ['/console', '/console'],
    ['/console/', '/console/'],
    [
      '/console/cases/KC-2026-0001?tab=timeline#reply',
      '/console/cases/KC-2026-0001?tab=timeline#reply',
    ],
    ['/console/./cases', '/console/cases'],
  ])('lets %s through as %s', (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });

  it.each([
    'https://evil.example/console/',
    'http:/evil.example/console/',
    '//evil.example/console/',
    '///evil.example/console/',
    '/\\evil.example/console/',
    '\\\\evil.example/console/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/console/../v1/agent/session',
    '/console/%2e%2e/v1/agent/session',
    '/consoles',
    '/v1/agent/session',
    'console/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses %s', (given) => {
    expect(safeReturnTo(given)).toBeUndefined();
  });
});
