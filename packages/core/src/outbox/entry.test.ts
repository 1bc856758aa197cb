import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKontaktError } from '../errors/KontaktError.js';
import { message } from '../test-support/fault-server.js';
import {
  afterFailure,
  DEFAULT_OUTBOX_MAX_AGE,
  expiredError,
  expiresAt,
  isExpired,
  isReadableEntry,
  newEntry,
} from './entry.js';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2027-03-01T09:00:00.000Z');
const submission = {
  origin: { department: 'gata', pageUrl: 'https://gata.example.se/parkering', widget: 'sdk' },
  message: { ...message, answerLanguage: 'sv' as const, needs: [], photos: [] },
};

afterEach(() => vi.restoreAllMocks());

function kept(options: { error?: unknown; maxAge?: number } = {}) {
  return newEntry(submission, {
    id: 'key-1',
    endpoint: 'https://kontakt.example.se',
    error: options.error,
    maxAge: options.maxAge ?? DEFAULT_OUTBOX_MAX_AGE,
    now: NOW,
  });
}

describe('outbox entry', () => {
  it('is made from a submission whose first try failed: one attempt, next try backed off', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect(kept()).toEqual({
      id: 'key-1',
      endpoint: 'https://kontakt.example.se',
      department: 'gata',
      submission,
      createdAt: '2027-03-01T09:00:00.000Z',
      attempts: 1,
      nextAttemptAt: '2027-03-01T09:00:02.000Z',
      expiresAt: '2027-03-08T09:00:00.000Z',
    });
    expect(isReadableEntry(kept())).toBe(true);
  });

  it('is a contact message without a kind, as entries of earlier versions are, and still read', () => {
    const entry = kept();
    expect('kind' in entry).toBe(false);
    expect(isReadableEntry({ ...entry, kind: 'case' })).toBe(true);
  });

  it('keeps a fault report with the photos it has still to upload', () => {
    const fault = {
      origin: { department: 'gata', pageUrl: 'https://gata.example.se/felanmalan', widget: 'sdk' },
      report: {
        category: 'gatubelysning',
        description: 'Släckt',
        answers: {},
        location: { address: 'Södergatan 12' },
        photos: [],
        anonymous: true,
        answerLanguage: 'sv' as const,
      },
    };
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const entry = newEntry(
      { kind: 'fault', submission: fault, photos: [photo] },
      {
        id: 'key-2',
        endpoint: 'https://kontakt.example.se',
        error: undefined,
        maxAge: DAY,
        now: NOW,
      },
    );
    expect(entry).toMatchObject({ kind: 'fault', department: 'gata', submission: fault });
    expect(entry.kind === 'fault' && entry.photos?.[0]).toBe(photo);
    expect(isReadableEntry(entry)).toBe(true);
    expect(isReadableEntry({ ...entry, photos: ['not a blob'] })).toBe(false);
  });

  it('keeps a message with the photos it has still to upload, without a kind as other messages', () => {
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const entry = newEntry(
      { kind: 'case', submission, photos: [photo] },
      {
        id: 'key-3',
        endpoint: 'https://kontakt.example.se',
        error: undefined,
        maxAge: DAY,
        now: NOW,
      },
    );
    expect(entry).toMatchObject({ department: 'gata', submission });
    expect('kind' in entry).toBe(false);
    expect(entry.kind !== 'case-message' && entry.photos?.[0]).toBe(photo);
    expect(isReadableEntry(entry)).toBe(true);
    expect(isReadableEntry({ ...entry, photos: ['not a blob'] })).toBe(false);
    // With nothing to upload and nothing uploaded, nothing is left to keep but the message.
    const plain = newEntry(
      { kind: 'case', submission, photos: [], uploaded: {} },
      {
        id: 'key-4',
        endpoint: 'https://kontakt.example.se',
        error: undefined,
        maxAge: DAY,
        now: NOW,
      },
    );
    expect('photos' in plain).toBe(false);
    expect('uploaded' in plain).toBe(false);
  });

  it('keeps the photos a submission uploaded, by id, to upload again if the server let them expire', () => {
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const id = 'photo-0001-abcdefghijklmnop';
    const named = { ...submission, message: { ...submission.message, photos: [id] } };
    const entry = newEntry(
      { kind: 'case', submission: named, photos: [], uploaded: { [id]: photo } },
      {
        id: 'key-5',
        endpoint: 'https://kontakt.example.se',
        error: undefined,
        maxAge: DAY,
        now: NOW,
      },
    );
    expect(entry.kind !== 'case-message' && entry.uploaded).toEqual({ [id]: photo });
    expect('photos' in entry).toBe(false);
    expect(isReadableEntry(entry)).toBe(true);
    expect(isReadableEntry({ ...entry, uploaded: { [id]: 'not a blob' } })).toBe(false);
    expect(isReadableEntry({ ...entry, uploaded: [photo] })).toBe(false);
  });

  it('keeps a message to a case with its reference, token and the department that sent it', () => {
    const entry = newEntry(
      {
        kind: 'case-message',
        department: 'gata',
        reference: 'KC-7F3K-9QXM',
        accessToken: 'A'.repeat(43),
        submission: { text: 'Nummer 4711.' },
      },
      {
        id: 'key-6',
        endpoint: 'https://kontakt.example.se',
        error: undefined,
        maxAge: DAY,
        now: NOW,
      },
    );
    expect(entry).toEqual({
      id: 'key-6',
      endpoint: 'https://kontakt.example.se',
      department: 'gata',
      kind: 'case-message',
      reference: 'KC-7F3K-9QXM',
      accessToken: 'A'.repeat(43),
      submission: { text: 'Nummer 4711.' },
      createdAt: '2027-03-01T09:00:00.000Z',
      attempts: 1,
      nextAttemptAt: expect.any(String),
      expiresAt: '2027-03-02T09:00:00.000Z',
    });
    expect(isReadableEntry(entry)).toBe(true);
    // Without what it is sent with, it could never be sent: forgotten, not kept for good.
    const { accessToken: _token, ...withoutToken } = entry as typeof entry & {
      accessToken: string;
    };
    expect(isReadableEntry(withoutToken)).toBe(false);
    expect(isReadableEntry({ ...entry, submission: { text: 4711 } })).toBe(false);
  });

  it('expires maxAge after it was made', () => {
    const entry = kept({ maxAge: 60_000 });
    expect(expiresAt(entry)).toBe(NOW + 60_000);
    expect(isExpired(entry, NOW + 59_999)).toBe(false);
    expect(isExpired(entry, NOW + 60_000)).toBe(true);
  });

  it('expires 7 days after it was made when an older version wrote it without expiresAt', () => {
    const { expiresAt: _, ...legacy } = kept();
    expect(expiresAt(legacy)).toBe(NOW + 7 * DAY);
  });

  it('counts each failed try and backs off the next one further', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const later = NOW + 10_000;
    const failed = afterFailure(kept(), undefined, later);
    expect(failed).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(later + 4_000).toISOString(),
    });
    expect(failed.createdAt).toBe(kept().createdAt);
  });

  it('says when it was given up with an error coded expired', () => {
    const error = expiredError(kept({ maxAge: 60_000 }));
    expect(isKontaktError(error)).toBe(true);
    expect(error.code).toBe('expired');
    expect(error.message).toContain('2027-03-01T09:01:00.000Z');
  });

  it('reads stored values that are not entries as unreadable', () => {
    for (const value of [
      null,
      'x',
      {},
      { ...kept(), id: '' },
      { ...kept(), createdAt: 'yesterday' },
    ]) {
      expect(isReadableEntry(value)).toBe(false);
    }
  });
});
