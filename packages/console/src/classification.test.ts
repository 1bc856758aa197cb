import type { ClassLabel } from '@kontakt/core/agent';
import { expect } from '@open-wc/testing';
import {
  allPaths,
  escalatingLabel,
  labelsUnder,
  pathName,
  pathNameAnywhere,
} from './classification.js';

const label = (id: string, parent: string | null, sv: string, escalates = false): ClassLabel => ({
  id,
  name: { sv, en: `${sv} (en)` },
  parent,
  escalates,
});
const gata = [
  label('gata-och-trafik', null, 'Gata och trafik'),
  label('parkering', 'gata-och-trafik', 'Parkering'),
  label('felparkering', 'parkering', 'Felparkering'),
  label('trafiksakerhet', 'gata-och-trafik', 'Trafiksäkerhet', true),
  label('skolvag', 'trafiksakerhet', 'Skolväg', true),
  label('park', null, 'Park och natur'),
];
const skola = [label('skolskjuts', null, 'Skolskjuts')];

describe('classification', () => {
  it('lists the labels under one, in the configured order', () => {
    expect(labelsUnder(gata, null).map((each) => each.id)).to.deep.equal([
      'gata-och-trafik',
      'park',
    ]);
    expect(labelsUnder(gata, 'gata-och-trafik').map((each) => each.id)).to.deep.equal([
      'parkering',
      'trafiksakerhet',
    ]);
  });

  it("names a path by its labels in the console's language, an id where a label is gone", () => {
    expect(pathName(gata, ['gata-och-trafik', 'parkering'], 'sv')).to.equal(
      'Gata och trafik › Parkering',
    );
    expect(pathName(gata, ['gata-och-trafik'], 'en')).to.equal('Gata och trafik (en)');
    expect(pathName(gata, ['gata-och-trafik', 'borta'], 'sv')).to.equal('Gata och trafik › borta');
  });

  it("names a dashboard's key in the department whose tree has it", () => {
    const all = new Map([
      ['skola', skola],
      ['gata', gata],
    ]);
    expect(pathNameAnywhere(all, 'gata-och-trafik/parkering/felparkering', 'sv')).to.equal(
      'Gata och trafik › Parkering › Felparkering',
    );
    expect(pathNameAnywhere(all, 'skolskjuts', 'sv')).to.equal('Skolskjuts');
    expect(pathNameAnywhere(all, 'okand/sak', 'sv')).to.equal('okand › sak');
  });

  it('finds the deepest label on a path that escalates', () => {
    expect(escalatingLabel(gata, ['gata-och-trafik', 'parkering'])).to.equal(undefined);
    expect(escalatingLabel(gata, ['gata-och-trafik', 'trafiksakerhet'])?.id).to.equal(
      'trafiksakerhet',
    );
    expect(escalatingLabel(gata, ['gata-och-trafik', 'trafiksakerhet', 'skolvag'])?.id).to.equal(
      'skolvag',
    );
  });

  it('lists every path of a tree, each after its parent', () => {
    expect(allPaths(gata).map((path) => path.join('/'))).to.deep.equal([
      'gata-och-trafik',
      'gata-och-trafik/parkering',
      'gata-och-trafik/parkering/felparkering',
      'gata-och-trafik/trafiksakerhet',
      'gata-och-trafik/trafiksakerhet/skolvag',
      'park',
    ]);
  });
});
