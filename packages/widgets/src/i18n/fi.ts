import type { ContactFormField, KontaktTranslation } from './translation.js';

const fieldError = (
  field: ContactFormField,
  code: string,
  params: Readonly<Record<string, string | number>>,
): string => {
  switch (code) {
    case 'required':
      return (
        (
          {
            topic: 'Valitse, mitä kysymyksesi koskee.',
            message: 'Kirjoita kysymyksesi.',
            answerChannel: 'Valitse, miten haluat vastauksen.',
            interpreterLanguage: 'Kirjoita, mitä kieltä tulkin pitää puhua.',
          } as Partial<Record<ContactFormField, string>>
        )[field] ?? 'Täytä kenttä.'
      );
    case 'required_for_channel':
      return field === 'phone'
        ? 'Kirjoita puhelinnumerosi, jotta voimme soittaa sinulle.'
        : 'Kirjoita sähköpostiosoitteesi, jotta voimme vastata sinulle.';
    case 'required_for_visit':
      return 'Kirjoita puhelinnumero tai sähköpostiosoite, jotta voimme varata sinulle ajan.';
    case 'too_long':
      return `Tekstissä voi olla enintään ${params.maximum ?? ''} merkkiä. Lyhennä sitä.`;
    case 'invalid_email':
      return 'Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.';
    case 'invalid_phone':
      return 'Kirjoita puhelinnumero, jossa on vähintään 6 numeroa, esimerkiksi 070-123 45 67.';
    case 'unknown_topic':
      return 'Aihetta ei enää ole. Valitse toinen aihe.';
    case 'invalid_option':
      return 'Valitse jokin vaihtoehdoista.';
    default:
      return 'Tarkista kenttä.';
  }
};

const failed = (code: string): string => {
  switch (code) {
    case 'rate_limited':
      return 'Olet lähettänyt monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.';
    case 'origin_not_allowed':
    case 'department_not_found':
    case 'misconfigured':
      return 'Lomake ei toimi tällä sivulla juuri nyt. Soita tai lähetä sähköpostia kunnan asiakaspalveluun.';
    case 'payload_too_large':
      return 'Viesti on liian suuri. Lyhennä tekstiä ja yritä uudelleen.';
    case 'expired':
      return 'Viestiä ei voitu lähettää useaan päivään, eikä sitä lähetetty. Tekstisi on yhä tallessa – lähetä se uudelleen.';
    case 'network_error':
    case 'timeout':
      return 'Emme saaneet yhteyttä asiakaspalveluun. Tarkista yhteytesi ja yritä uudelleen.';
    case 'validation_failed':
      return 'Joitakin tietoja pitää korjata. Katso virheet lomakkeesta.';
    default:
      return 'Meillä tapahtui virhe. Tekstisi on tallessa – yritä hetken kuluttua uudelleen.';
  }
};

/** Finnish, a national minority language with rights in administrative areas. */
export const fi: KontaktTranslation = {
  languageName: 'Suomi',
  dir: 'ltr',
  common: {
    loading: 'Lomaketta haetaan …',
    loadFailed: 'Lomaketta ei voitu hakea. Tarkista yhteytesi ja yritä uudelleen.',
    retry: 'Yritä uudelleen',
    optional: '(vapaaehtoinen)',
  },
  contactForm: {
    formLabel: 'Lähetä kysymys asiakaspalveluun',
    topic: 'Mitä kysymyksesi koskee?',
    chooseTopic: 'Valitse aihe',
    message: 'Kysymyksesi',
    messageHint: 'Kerro mahdollisimman selvästi, mitä haluat tietää tai missä tarvitset apua.',
    characterCount: (used, max) => `${used}/${max} merkkiä`,
    charactersLeft: (left) =>
      left === 1 ? 'Sinulla on 1 merkki jäljellä.' : `Sinulla on ${left} merkkiä jäljellä.`,
    charactersTooMany: (over) =>
      over === 1 ? 'Sinulla on 1 merkki liikaa.' : `Sinulla on ${over} merkkiä liikaa.`,
    answerChannel: 'Miten haluat vastauksen?',
    channels: {
      email: 'Sähköpostilla',
      phone: 'Soitamme sinulle',
      visit: 'Käynnillä palvelupisteessä',
    },
    email: 'Sähköpostiosoite',
    emailHint: 'Käytämme sitä vain vastataksemme sinulle.',
    phone: 'Puhelinnumero',
    phoneHint: 'Esimerkiksi 070-123 45 67.',
    visitHint: 'Kirjoita puhelinnumero tai sähköpostiosoite, jotta voimme varata sinulle ajan.',
    name: 'Nimi',
    answerLanguage: 'Millä kielellä haluat vastauksen?',
    needsLegend: 'Tarvitsetko tukea vastauksen ymmärtämiseen?',
    needs: {
      interpreter: 'Tulkki',
      sign_language: 'Viittomakielen tulkki',
      easy_read: 'Vastaus selkoruotsiksi',
    },
    interpreterLanguage: 'Mitä kieltä tulkin pitää puhua?',
    interpreterLanguageHint: 'Esimerkiksi somalia tai persiaa.',
    publicRecord:
      'Kunnalle lähettämäsi viesti on yleensä julkinen asiakirja, jonka kuka tahansa voi pyytää nähtäväksi. Älä kirjoita henkilötunnusta tai arkaluonteisia tietoja terveydestä tai perheestä, jos se ei ole tarpeen.',
    personalIdentityNumberWarning:
      'Näyttää siltä, että olet kirjoittanut henkilötunnuksen. Poista se, jos sitä ei tarvita – viestistä voi tulla julkinen asiakirja.',
    submit: 'Lähetä',
    submitting: 'Lähetetään …',
    errorSummary: (count) =>
      count === 1
        ? 'Korjaa 1 tieto ennen lähettämistä'
        : `Korjaa ${count} tietoa ennen lähettämistä`,
    fieldError,
    offlineHeading: 'Tallennettu – lähetetään, kun olet taas verkossa',
    offlineText:
      'Emme saaneet juuri nyt yhteyttä asiakaspalveluun. Kysymyksesi on tallennettu tähän selaimeen, ja se lähetetään automaattisesti, kun yhteys taas toimii, kun sivu on auki tai seuraavalla käyntikerralla.',
    sendNow: 'Yritä lähettää nyt',
    failedHeading: 'Kysymystä ei voitu lähettää',
    failed,
    receiptHeading: 'Kiitos! Olemme vastaanottaneet kysymyksesi',
    receiptReference: 'Asianumerosi',
    receiptAnswerBy: (date) => `Saat vastauksen viimeistään ${date}.`,
    receiptKeep: 'Tallenna asianumero. Tarvitset sitä, jos haluat kysyä asiastasi.',
    newMessage: 'Lähetä uusi kysymys',
    draftRestored: 'Täytimme lomakkeelle sen, mitä kirjoitit aiemmin.',
    clearForm: 'Tyhjennä lomake',
    formCleared: 'Lomake on tyhjennetty.',
  },
};
