import { expect } from '@open-wc/testing';
import { publicProperties, varsWithoutFallback } from './css-vars.js';

describe('varsWithoutFallback', () => {
  it('accepts fallbacks, nested fallbacks and declared private locals', () => {
    const css = `:host { --_gap: var(--kc-gap, var(--kc-space-m, 1rem)); }
      .a { gap: var(--_gap); font: var(--kc-font, system-ui, sans-serif); }`;
    expect(varsWithoutFallback(css)).to.deep.equal([]);
    expect(publicProperties(css)).to.have.members(['--kc-gap', '--kc-space-m', '--kc-font']);
  });

  it('reports a var() with no fallback and an undeclared private local', () => {
    const css =
      '.a { color: var(--kc-color); margin: var(--_missing); gap: var(--kc-a, var(--kc-b)); }';
    expect(varsWithoutFallback(css)).to.deep.equal([
      'var(--kc-color)',
      'var(--_missing)',
      'var(--kc-b)',
    ]);
  });
});
