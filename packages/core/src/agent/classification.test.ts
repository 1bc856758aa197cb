import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../schemas/field-errors.js';
import type { ClassLabel } from './classification.js';
import { ClassifyInputSchema, isClassificationPath, labelsOf } from './classification.js';

const label = (id: string, parent: string | null): ClassLabel => ({
  id,
  name: { sv: id },
  parent,
  escalates: false,
});
const gata: ClassLabel[] = [
  label('gata-och-trafik', null),
  label('parkering', 'gata-och-trafik'),
  label('boendeparkering', 'parkering'),
  label('felparkering', 'parkering'),
  label('park-och-natur', null),
];

describe('isClassificationPath', () => {
  it('takes a path from a category down, one to three labels, each the child of the one before', () => {
    expect(isClassificationPath(gata, ['gata-och-trafik'])).toBe(true);
    expect(isClassificationPath(gata, ['gata-och-trafik', 'parkering'])).toBe(true);
    expect(isClassificationPath(gata, ['gata-och-trafik', 'parkering', 'felparkering'])).toBe(true);
  });

  it('refuses a path that starts below the top, skips a level, leaves the tree or is empty', () => {
    expect(isClassificationPath(gata, ['parkering'])).toBe(false);
    expect(isClassificationPath(gata, ['gata-och-trafik', 'boendeparkering'])).toBe(false);
    expect(isClassificationPath(gata, ['park-och-natur', 'parkering'])).toBe(false);
    expect(isClassificationPath(gata, ['gata-och-trafik', 'okand'])).toBe(false);
    expect(isClassificationPath(gata, [])).toBe(false);
  });

  it('refuses a fourth level even where the tree would have one', () => {
    const deep = [...gata, label('natt', 'felparkering')];
    expect(
      isClassificationPath(deep, ['gata-och-trafik', 'parkering', 'felparkering', 'natt']),
    ).toBe(false);
  });
});

describe('labelsOf', () => {
  it('gives each label of a path, and undefined for one no longer configured', () => {
    expect(labelsOf(gata, ['gata-och-trafik', 'borttagen']).map((each) => each?.id)).toEqual([
      'gata-och-trafik',
      undefined,
    ]);
  });
});

describe('ClassifyInputSchema', () => {
  it('takes a path or null, and says what is wrong with an empty or too deep one', () => {
    expect(ClassifyInputSchema.parse({ path: null }).path).toBe(null);
    expect(ClassifyInputSchema.parse({ path: ['a', 'b'] }).path).toEqual(['a', 'b']);
    const codes = (input: unknown) => {
      const result = ClassifyInputSchema.safeParse(input);
      return result.success ? [] : toFieldErrors(result.error.issues).map((error) => error.code);
    };
    expect(codes({ path: [] })).toEqual(['required']);
    expect(codes({ path: ['a', 'b', 'c', 'd'] })).toEqual(['too_long']);
    expect(codes({})).toEqual(['required']);
  });
});
