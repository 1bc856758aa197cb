import type { FailureTexts, FieldErrorTexts, KontaktTranslation } from './translation.js';

const fieldErrors: FieldErrorTexts = {
  required: {
    topic: 'Valitse, mitä kysymyksesi koskee.',
    message: 'Kirjoita kysymyksesi.',
    answerChannel: 'Valitse, miten haluat vastauksen.',
    interpreterLanguage: 'Kirjoita, mitä kieltä tulkin pitää puhua.',
    street: 'Kirjoita katuosoite.',
    postalCode: 'Kirjoita postinumero.',
    city: 'Kirjoita postitoimipaikka.',
  },
  requiredField: 'Täytä kenttä.',
  phoneForCallBack: 'Kirjoita puhelinnumerosi, jotta voimme soittaa sinulle.',
  emailForAnswer: 'Kirjoita sähköpostiosoitteesi, jotta voimme vastata sinulle.',
  nameForLetter: 'Kirjoita nimesi, jotta kirje tulee perille sinulle.',
  addressForLetter: 'Kirjoita osoite, johon lähetämme kirjeen.',
  invalidPostalCode: 'Kirjoita postinumero viidellä numerolla, esimerkiksi 211 22.',
  contactForVisit: 'Kirjoita puhelinnumero tai sähköpostiosoite, jotta voimme varata sinulle ajan.',
  tooLong: (maximum) => `Tekstissä voi olla enintään ${maximum} merkkiä. Lyhennä sitä.`,
  invalidEmail: 'Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.',
  invalidPhone: 'Kirjoita puhelinnumero, jossa on vähintään 6 numeroa, esimerkiksi 070-123 45 67.',
  unknownTopic: 'Aihetta ei enää ole. Valitse toinen aihe.',
  invalidOption: 'Valitse jokin vaihtoehdoista.',
  tooManyPhotos: (maximum) =>
    `Voit liittää enintään ${String(maximum) === '1' ? 'yhden kuvan' : `${maximum} kuvaa`}. Poista jokin.`,
  unknownPhoto: 'Kuvaa ei voitu lähettää viestin mukana. Poista kuvat ja lisää ne uudelleen.',
  other: 'Tarkista kenttä.',
};

const failures: FailureTexts = {
  rateLimited: 'Olet lähettänyt monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
  misconfigured:
    'Lomake ei toimi tällä sivulla juuri nyt. Soita tai lähetä sähköpostia kunnan asiakaspalveluun.',
  payloadTooLarge: 'Viesti on liian suuri. Lyhennä tekstiä ja yritä uudelleen.',
  expired:
    'Viestiä ei voitu lähettää useaan päivään, eikä sitä lähetetty. Tekstisi on yhä tallessa – lähetä se uudelleen.',
  unreachable: 'Emme saaneet yhteyttä asiakaspalveluun. Tarkista yhteytesi ja yritä uudelleen.',
  validation: 'Joitakin tietoja pitää korjata. Katso virheet lomakkeesta.',
  unexpected: 'Meillä tapahtui virhe. Tekstisi on tallessa – yritä hetken kuluttua uudelleen.',
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
    loadingTopics: 'Aiheita haetaan …',
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
      letter: 'Kirjeellä postitse',
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
    fieldErrors,
    offlineHeading: 'Tallennettu – lähetetään, kun olet taas verkossa',
    offlineText:
      'Emme saaneet juuri nyt yhteyttä asiakaspalveluun. Kysymyksesi on tallennettu tähän selaimeen, ja se lähetetään automaattisesti, kun yhteys taas toimii, kun sivu on auki tai seuraavalla käyntikerralla.',
    sendNow: 'Yritä lähettää nyt',
    failedHeading: 'Kysymystä ei voitu lähettää',
    failures,
    receiptHeading: 'Kiitos! Olemme vastaanottaneet kysymyksesi',
    receiptReference: 'Asianumerosi',
    receiptAnswerBy: (date) => `Saat vastauksen viimeistään ${date}.`,
    receiptKeep: 'Tallenna asianumero. Tarvitset sitä, jos haluat kysyä asiastasi.',
    receiptTrack: 'Seuraa asiaasi',
    newMessage: 'Lähetä uusi kysymys',
    draftRestored: 'Täytimme lomakkeelle sen, mitä kirjoitit aiemmin.',
    clearForm: 'Tyhjennä lomake',
    formCleared: 'Lomake on tyhjennetty.',
    photos: {
      legend: 'Kuvat',
      hint: (max) =>
        `Voit liittää ${max === 1 ? 'yhden kuvan' : `enintään ${max} kuvaa`}, esimerkiksi valokuvan kirjeestä tai kuvakaappauksen. Kuvia pienennetään, ja sijainti- ja kameratiedot poistetaan ennen lähettämistä.`,
      add: 'Lisää kuva',
      full: (max) =>
        `Olet lisännyt ${max === 1 ? 'yhden kuvan' : `${max} kuvaa`}, niin monta kuin voi.`,
      alt: (n, total) => `Kuva ${n}/${total}`,
      remove: (n, total) => `Poista kuva ${n}/${total}`,
      preparing: 'Kuvaa valmistellaan …',
      added: (n, total) => `Kuva ${n}/${total} on lisätty.`,
      removed: 'Kuva on poistettu.',
      uploading: (percent) => `Kuvia lähetetään: ${percent} %`,
      problems: {
        heic_unsupported:
          'Kuva on HEIC-muodossa, jota ei voi käyttää tässä. Valitse toinen kuva tai aseta kamera tilaan ”Yhteensopivin” (JPEG).',
        too_large: 'Kuva on liian suuri lähetettäväksi. Valitse pienempi kuva.',
        decode_failed: 'Tiedostoa ei voitu lukea kuvana. Valitse JPEG-, PNG- tai WebP-kuva.',
        not_an_image: 'Tällaista tiedostoa ei voi lähettää. Valitse JPEG-, PNG- tai WebP-kuva.',
      },
    },
    postalAddress: {
      legend: 'Mihin lähetämme kirjeen?',
      street: 'Katuosoite',
      streetHint: 'Katu ja numero sekä asunnon numero, jos sinulla on sellainen.',
      postalCode: 'Postinumero',
      city: 'Postitoimipaikka',
    },
  },
};
