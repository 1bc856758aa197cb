import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import { asKontaktError } from './as-kontakt-error.js';
import { InvalidResponseError } from './InvalidResponseError.js';
import { isKontaktError, KontaktError } from './KontaktError.js';
import { isNetworkError, NetworkError } from './NetworkError.js';
import { ValidationError } from './ValidationError.js';

describe('asKontaktError', () => {
  it('returns kontakt errors as they are, whatever their class', () => {
    const errors = [
      new KontaktError('x', { code: 'rate_limited', status: 429 }),
      new NetworkError('down', { queued: { id: 'k' } }),
      new ValidationError([{ field: 'topic', pointer: '/topic', code: 'required' }]),
      new InvalidResponseError('bad'),
    ];
    for (const error of errors) expect(asKontaktError(error)).toBe(error);
  });

  it('returns an error from another copy of the SDK on the page as it is', () => {
    const fromOtherCopy = Object.assign(new Error('down'), {
      [Symbol.for('kontakt.error')]: 'NetworkError',
      code: 'network_error',
    });
    expect(asKontaktError(fromOtherCopy)).toBe(fromOtherCopy);
  });

  it('maps what fetch and ky throw as the client does', () => {
    expect(asKontaktError(new TypeError('Failed to fetch'))).toBeInstanceOf(NetworkError);
    expect(asKontaktError(new DOMException('stop', 'AbortError')).code).toBe('aborted');
    const request = new Request('https://kontakt.example.se/v1/cases', { method: 'POST' });
    const timeout = asKontaktError(new TimeoutError(request));
    expect(isNetworkError(timeout) && timeout.code).toBe('timeout');
  });

  it('maps an HTTP error answer with a problem document to its code and status', () => {
    const request = new Request('https://kontakt.example.se/v1/departments/hamn');
    const response = new Response(null, { status: 404, statusText: 'Not Found' });
    const error = new HTTPError(response, request, {} as never);
    Object.assign(error, {
      data: { type: 'about:blank', title: 'Not found', status: 404, code: 'department_not_found' },
    });
    expect(asKontaktError(error)).toMatchObject({ code: 'department_not_found', status: 404 });
  });

  it('maps a response that does not match the contract to invalid_response', () => {
    const schemaError = Object.assign(new Error('bad'), {
      name: 'SchemaValidationError',
      issues: [{ message: 'Required', path: ['name'] }],
    });
    expect(asKontaktError(schemaError)).toBeInstanceOf(InvalidResponseError);
    expect(asKontaktError(new SyntaxError('Unexpected token <'))).toMatchObject({
      code: 'invalid_response',
    });
  });

  it('turns anything else into internal_error, keeping what was thrown as the cause', () => {
    const bug = new RangeError('oops');
    const error = asKontaktError(bug);
    expect(isKontaktError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'internal_error', message: 'oops', cause: bug });
    expect(asKontaktError('just a string')).toMatchObject({
      code: 'internal_error',
      message: 'just a string',
      cause: 'just a string',
    });
    expect(asKontaktError(Object.create(null)).code).toBe('internal_error');
    expect(asKontaktError(undefined).code).toBe('internal_error');
  });
});
