import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { noticeText as text } from '../test-support/notice-text.js';
import { toFieldErrors } from './field-errors.js';
import { NoticeInputSchema, NoticeSchema } from './notice.js';

const input = {
  title: text('Vattenläcka'),
  text: text('Inget vatten på Storgatan'),
  severity: 'warning',
  departments: ['gata'],
  startsAt: '2026-12-03T08:00:00Z',
  endsAt: '2026-12-03T18:00:00+01:00',
};

function errorsOf(value: unknown) {
  const result = z.safeParse(NoticeInputSchema, value);
  return result.success
    ? []
    : toFieldErrors(result.error.issues).map((e) => `${e.field}:${e.code}`);
}

describe('NoticeInputSchema', () => {
  it('accepts a notice in every language, for some departments or all, with or without an end', () => {
    expect(errorsOf(input)).toEqual([]);
    expect(errorsOf({ ...input, departments: 'all', endsAt: null })).toEqual([]);
    const { startsAt: _s, endsAt: _e, ...now } = input;
    expect(errorsOf(now)).toEqual([]);
  });

  it('names every missing or blank language', () => {
    expect(errorsOf({ ...input, title: { sv: 'Vattenläcka', en: '  ' } })).toEqual([
      'title.en:required',
      'title.fi:required',
      'title.ar:required',
    ]);
  });

  it('refuses an end before (or at) the start, on the end', () => {
    expect(errorsOf({ ...input, endsAt: '2026-12-03T07:59:59Z' })).toEqual([
      'endsAt:end_before_start',
    ]);
    expect(errorsOf({ ...input, endsAt: input.startsAt })).toEqual(['endsAt:end_before_start']);
  });

  it('refuses oversized text, unknown severities, empty or repeated department lists', () => {
    expect(errorsOf({ ...input, text: { ...input.text, fi: 'x'.repeat(2001) } })).toEqual([
      'text.fi:too_long',
    ]);
    expect(errorsOf({ ...input, severity: 'critical' })).toEqual(['severity:invalid_option']);
    expect(errorsOf({ ...input, departments: [] })).not.toEqual([]);
    expect(errorsOf({ ...input, departments: ['gata', 'gata'] })).not.toEqual([]);
    expect(errorsOf({ ...input, departments: ['Gata!'] })).not.toEqual([]);
  });
});

describe('NoticeSchema', () => {
  it('reads a published notice', () => {
    const notice = {
      ...input,
      id: 'n_0123456789abcdefghjk',
      updatedAt: '2026-12-03T08:00:00Z',
    };
    expect(z.safeParse(NoticeSchema, notice).success).toBe(true);
    expect(z.safeParse(NoticeSchema, { ...notice, id: 'n_1' }).success).toBe(false);
  });
});
