import { expect } from '@open-wc/testing';
import { languageOf, pickLanguage, pickLocale } from './lang.js';

const SHIPPED = ['sv', 'en', 'fi', 'ar', 'sv-simple'] as const;

describe('pickLocale', () => {
  it('picks easy-read Swedish for the registered variant simple, wherever it stands', () => {
    expect(pickLocale('sv-simple', SHIPPED)).to.equal('sv-simple');
    expect(pickLocale('sv-SE-simple', SHIPPED)).to.equal('sv-simple');
    expect(pickLocale('SV-Simple', SHIPPED)).to.equal('sv-simple');
    expect(pickLocale('sv-simple-x-kommun', SHIPPED)).to.equal('sv-simple');
  });

  it('picks the language where the widget has no simplified form of it', () => {
    expect(pickLocale('en-simple', SHIPPED)).to.equal('en');
    expect(pickLocale('sv-simple', ['sv', 'en'])).to.equal('sv');
  });

  it('takes the private-use form from before the variant was registered too, not a language', () => {
    expect(pickLocale('sv-x-simple', SHIPPED)).to.equal('sv-simple');
    expect(pickLocale('simple', SHIPPED)).to.equal('sv');
  });

  it('picks the first subtag otherwise, and Swedish for a language the widget lacks', () => {
    expect(pickLocale('en-GB', SHIPPED)).to.equal('en');
    expect(pickLocale('ar', SHIPPED)).to.equal('ar');
    expect(pickLocale('de-DE', SHIPPED)).to.equal('sv');
    expect(pickLocale('', SHIPPED)).to.equal('sv');
  });
});

describe('pickLanguage', () => {
  it('reads the language alone: easy-read Swedish is Swedish', () => {
    expect(pickLanguage('sv-simple', SHIPPED)).to.equal('sv');
    expect(pickLanguage('fi-FI', SHIPPED)).to.equal('fi');
    expect(pickLanguage('de', SHIPPED)).to.equal('sv');
  });
});

describe('languageOf', () => {
  it('is the language of a widget text locale', () => {
    expect(languageOf('sv-simple')).to.equal('sv');
    expect(languageOf('ar')).to.equal('ar');
  });
});
