import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from './InvalidResponseError.js';
import { isKontaktError, KontaktError } from './KontaktError.js';
import { isNetworkError, NetworkError } from './NetworkError.js';
import { toKontaktError } from './to-kontakt-error.js';
import { isValidationError, ValidationError } from './ValidationError.js';

describe('error guards', () => {
  it('recognise each class and only that class', () => {
    const validation = new ValidationError([
      { field: 'topic', pointer: '/topic', code: 'required' },
    ]);
    const network = new NetworkError('down', { queued: { id: 'k' } });
    const invalid = new InvalidResponseError('bad');

    expect([validation, network, invalid].map(isKontaktError)).toEqual([true, true, true]);
    expect([validation, network, invalid].map(isValidationError)).toEqual([true, false, false]);
    expect([validation, network, invalid].map(isNetworkError)).toEqual([false, true, false]);
    expect(validation).toMatchObject({ name: 'ValidationError', code: 'validation_failed' });
    expect(network).toMatchObject({
      name: 'NetworkError',
      code: 'network_error',
      queued: { id: 'k' },
    });
    expect(invalid).toMatchObject({ name: 'InvalidResponseError', code: 'invalid_response' });
    expect(isKontaktError(new Error('x'))).toBe(false);
    expect(isKontaktError(null)).toBe(false);
  });

  it('recognise errors thrown by another copy of the SDK on the page', () => {
    const fromOtherCopy = Object.assign(new Error('down'), {
      [Symbol.for('kontakt.error')]: 'NetworkError',
      code: 'network_error',
    });
    expect(fromOtherCopy instanceof KontaktError).toBe(false);
    expect(isKontaktError(fromOtherCopy)).toBe(true);
    expect(isNetworkError(fromOtherCopy)).toBe(true);
    expect(isValidationError(fromOtherCopy)).toBe(false);
  });
});

describe('toKontaktError', () => {
  it('maps a failed fetch to a network error and an abort to `aborted`', () => {
    expect(toKontaktError(new TypeError('fetch failed'))).toMatchObject({ code: 'network_error' });
    expect(toKontaktError(new TypeError('Failed to fetch'))).toBeInstanceOf(NetworkError);
    expect(toKontaktError(new TypeError('Load failed'))).toBeInstanceOf(NetworkError);
    expect(
      toKontaktError(new TypeError('NetworkError when attempting to fetch resource.')),
    ).toBeInstanceOf(NetworkError);
    // A bug that mentions fetch is not a network failure: it must not be kept and retried.
    const bug = new TypeError('fetch is not a function');
    expect(toKontaktError(bug)).toBe(bug);
    expect(toKontaktError(new DOMException('stop', 'AbortError'))).toMatchObject({
      code: 'aborted',
    });
  });

  it('leaves errors it does not know (bugs) as they are', () => {
    const bug = new RangeError('oops');
    expect(toKontaktError(bug)).toBe(bug);
  });
});
