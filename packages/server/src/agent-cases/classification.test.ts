import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isClassificationPath } from '@kontakt/core/agent';
import type { Department } from '@kontakt/core/schemas';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config.js';
import { ConfigError } from '../config-error.js';
import { gata, skola } from '../test-support/departments.js';
import type { ClassificationConfig } from './classification.js';
import {
  classificationList,
  classificationsOf,
  escalationAddress,
  escalationMail,
  parseClassification,
} from './classification.js';

/*
 * The `classification` section of a configuration: checked against the departments at load, with
 * an error naming each bad field, and turned into the flat label lists staff see (without the
 * escalation addresses) and the addresses the server keeps.
 */

const DEPARTMENTS = new Set(['gata', 'skola']);

const GATA: ClassificationConfig = {
  gata: [
    {
      id: 'gata-och-trafik',
      name: { sv: 'Gata och trafik', en: 'Streets and traffic' },
      children: [
        {
          id: 'parkering',
          name: { sv: 'Parkering', en: 'Parking' },
          children: [
            { id: 'boendeparkering', name: { sv: 'Boendeparkering' } },
            { id: 'felparkering', name: { sv: 'Felparkering' } },
          ],
        },
        {
          id: 'trafiksakerhet',
          name: { sv: 'Trafiksäkerhet', en: 'Road safety' },
          escalationEmail: 'trafiksakerhet@gata.malmo.example',
          children: [
            {
              id: 'skolvag',
              name: { sv: 'Skolväg' },
              escalationEmail: 'skolvag@gata.malmo.example',
            },
            { id: 'hastighet', name: { sv: 'Höga hastigheter' } },
          ],
        },
      ],
    },
    { id: 'park-och-natur', name: { sv: 'Park och natur' } },
  ],
};

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const refusals = (input: unknown) =>
  configError(() => parseClassification(input, DEPARTMENTS, 'kontakt.json')).errors.map(
    (error) => `${error.field}: ${error.code}`,
  );

const label = (id: string, children?: unknown[]) => ({
  id,
  name: { sv: id },
  ...(children ? { children } : {}),
});

describe('parseClassification', () => {
  it('takes a tree of three levels and gives it back as configured', () => {
    expect(parseClassification(GATA, DEPARTMENTS)).toEqual(GATA);
    // Nothing configured: no department has labels.
    expect(parseClassification({}, DEPARTMENTS)).toEqual({});
  });

  it('leaves out what it does not know', () => {
    const parsed = parseClassification(
      { skola: [{ ...label('skolskjuts'), colour: 'red', children: [] }] },
      DEPARTMENTS,
    );
    expect(parsed).toEqual({ skola: [{ id: 'skolskjuts', name: { sv: 'skolskjuts' } }] });
  });

  it('refuses a department that is not configured, naming it', () => {
    const error = configError(() =>
      parseClassification({ vard: [label('hemtjanst')] }, DEPARTMENTS, 'kontakt.json'),
    );
    expect(error.message).toContain('Invalid configuration in kontakt.json');
    expect(error.message).toContain('classification.vard: unknown_department (department: vard)');
  });

  it('refuses a fourth level', () => {
    const tree = [label('a', [label('b', [label('c', [label('d')])])])];
    expect(refusals({ gata: tree })).toEqual([
      'classification.gata.0.children.0.children.0.children: too_deep',
    ]);
    // A third level with no children under it is fine.
    expect(() =>
      parseClassification({ gata: [label('a', [label('b', [label('c', [])])])] }, DEPARTMENTS),
    ).not.toThrow();
  });

  it('refuses an id twice within one department, at any level, but not in two departments', () => {
    const tree = [
      label('parkering', [label('felparkering')]),
      label('trafik', [label('parkering')]),
    ];
    expect(refusals({ gata: tree })).toEqual(['classification.gata.1.children.0.id: duplicate']);
    expect(() =>
      parseClassification({ gata: [label('ovrigt')], skola: [label('ovrigt')] }, DEPARTMENTS),
    ).not.toThrow();
  });

  it('refuses an escalation address that is not one', () => {
    const tree = [{ ...label('trafik'), escalationEmail: 'trafiksakerhet at gata' }];
    expect(refusals({ gata: tree })).toEqual([
      'classification.gata.0.escalationEmail: invalid_email',
    ]);
  });

  it('refuses an id that is not a slug, and a label without a Swedish name', () => {
    const tree = [label('Gata och trafik'), { id: 'parkering', name: { en: 'Parking' } }];
    expect(refusals({ gata: tree })).toEqual([
      'classification.gata.0.id: invalid_format',
      'classification.gata.1.name.sv: required',
    ]);
  });

  it('refuses a section or a department that is not the right shape', () => {
    expect(refusals([])).toEqual(['classification: invalid_type']);
    expect(refusals({ gata: { id: 'a' } })).toEqual(['classification.gata: invalid_type']);
    expect(refusals({ gata: [label('a', [label('b', 'c' as never)])] })).toEqual([
      'classification.gata.0.children.0.children: invalid_type',
    ]);
  });

  it('names every bad field of a file at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-classification-'));
    try {
      const file = join(dir, 'kontakt.json');
      const classification = { gata: [label('a'), label('a')], vard: [] };
      await writeFile(file, JSON.stringify({ departments: [gata, skola], classification }));
      const error = await loadConfigFile(file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(`Invalid configuration in ${file}`);
      expect((error as ConfigError).errors.map((e) => `${e.pointer}: ${e.code}`)).toEqual([
        '/classification/gata/1/id: duplicate',
        '/classification/vard: unknown_department',
      ]);
      await writeFile(file, JSON.stringify({ departments: [gata, skola] }));
      expect((await loadConfigFile(file)).classification).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the labels staff see', () => {
  it('are flat, parents before children, with escalates and without any address', () => {
    const list = classificationList(classificationsOf({ ...GATA, skola: [] }));
    // A department without labels is left out.
    expect(list.departments.map((each) => each.department)).toEqual(['gata']);
    const labels = list.departments[0]?.labels ?? [];
    expect(labels.map((each) => [each.id, each.parent, each.escalates])).toEqual([
      ['gata-och-trafik', null, false],
      ['parkering', 'gata-och-trafik', false],
      ['boendeparkering', 'parkering', false],
      ['felparkering', 'parkering', false],
      ['trafiksakerhet', 'gata-och-trafik', true],
      ['skolvag', 'trafiksakerhet', true],
      ['hastighet', 'trafiksakerhet', false],
      ['park-och-natur', null, false],
    ]);
    expect(labels[0]?.name).toEqual({ sv: 'Gata och trafik', en: 'Streets and traffic' });
    expect(JSON.stringify(list)).not.toContain('@');
    expect(isClassificationPath(labels, ['gata-och-trafik', 'parkering', 'felparkering'])).toBe(
      true,
    );
  });
});

describe('escalation', () => {
  const tree = classificationsOf(GATA).get('gata');
  const escalations = tree?.escalations ?? {};

  it('goes to the deepest label on the path with an address', () => {
    expect(escalationAddress(escalations, ['gata-och-trafik'])).toBeUndefined();
    expect(escalationAddress(escalations, ['gata-och-trafik', 'trafiksakerhet'])).toBe(
      'trafiksakerhet@gata.malmo.example',
    );
    expect(escalationAddress(escalations, ['gata-och-trafik', 'trafiksakerhet', 'hastighet'])).toBe(
      'trafiksakerhet@gata.malmo.example',
    );
    expect(escalationAddress(escalations, ['gata-och-trafik', 'trafiksakerhet', 'skolvag'])).toBe(
      'skolvag@gata.malmo.example',
    );
    expect(escalationAddress(escalations, null)).toBeUndefined();
  });

  it('mails the reference, department, labels and who classified it, in Swedish', () => {
    const department = {
      id: 'gata',
      name: { sv: 'Fastighets- och gatukontoret' },
    } as unknown as Department;
    const mail = escalationMail(
      'KC-7F3K-9QXM',
      department,
      tree as NonNullable<typeof tree>,
      ['gata-och-trafik', 'trafiksakerhet', 'hastighet'],
      'Anna Agent',
    );
    expect(mail).toMatchObject({
      to: 'trafiksakerhet@gata.malmo.example',
      subject: 'Eskalerat ärende KC-7F3K-9QXM: Gata och trafik › Trafiksäkerhet › Höga hastigheter',
    });
    for (const words of [
      'KC-7F3K-9QXM',
      'Fastighets- och gatukontoret',
      'Gata och trafik › Trafiksäkerhet › Höga hastigheter',
      'Anna Agent',
      'konsol',
    ]) {
      expect(mail?.text).toContain(words);
    }
    expect(
      escalationMail(
        'KC-7F3K-9QXM',
        department,
        tree as NonNullable<typeof tree>,
        ['park-och-natur'],
        'Anna',
      ),
    ).toBeUndefined();
  });
});

describe('the demo configuration', () => {
  it('classifies for the streets and the school departments, escalating road safety', async () => {
    const demo = new URL('../../../../examples/demo/departments.json', import.meta.url).pathname;
    const config = await loadConfigFile(demo);
    const classifications = classificationsOf(config.classification);
    expect([...classifications.keys()]).toEqual(expect.arrayContaining(['gata', 'skola']));
    const demoGata = classifications.get('gata');
    expect(
      isClassificationPath(demoGata?.labels ?? [], [
        'gata-och-trafik',
        'parkering',
        'felparkering',
      ]),
    ).toBe(true);
    expect(
      escalationAddress(demoGata?.escalations ?? {}, ['gata-och-trafik', 'trafiksakerhet']),
    ).toMatch(/^trafiksakerhet@/);
    expect(classifications.get('skola')?.labels.map((each) => each.id)).toEqual(
      expect.arrayContaining(['skolplacering', 'skolskjuts', 'franvaro']),
    );
  });
});
