import type { TrackerTexts } from './status-tracker.texts.js';

export const fi: TrackerTexts = {
  dir: 'ltr',
  loading: 'Asiaa haetaan …',
  formHeading: 'Seuraa asiaasi',
  formIntro:
    'Kirjoita kuitissa oleva asianumero ja sähköpostiosoite, jonka annoit lähettäessäsi asian.',
  reference: 'Asianumero',
  referenceHint: 'Esimerkiksi KC-7F3K-9QXM',
  email: 'Sähköpostiosoite',
  emailHint: 'Osoite, jonka kirjoitit lähettäessäsi asian.',
  submit: 'Näytä asia',
  submitting: 'Haetaan …',
  errorSummary: (count) =>
    count === 1 ? 'Korjaa 1 tieto jatkaaksesi' : `Korjaa ${count} tietoa jatkaaksesi`,
  referenceMissing: 'Kirjoita asianumero.',
  referenceInvalid:
    'Kirjoita asianumero niin kuin se on kuitissa: KC ja kahdeksan merkkiä, esimerkiksi KC-7F3K-9QXM.',
  emailMissing: 'Kirjoita sähköpostiosoitteesi.',
  emailInvalid: 'Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.',
  notFoundHeading: 'Asiaa ei löydy',
  notFound:
    'Emme löydä asiaa näillä tiedoilla. Tarkista asianumero ja sähköpostiosoite ja yritä uudelleen.',
  rateLimited: (at) =>
    at
      ? `Olet yrittänyt monta kertaa lyhyessä ajassa. Yritä uudelleen kello ${at} jälkeen.`
      : 'Olet yrittänyt monta kertaa lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
  unreachable: 'Emme saaneet yhteyttä asiointipalveluun. Tarkista yhteytesi ja yritä uudelleen.',
  unexpected: 'Jokin meni vikaan meillä. Yritä hetken päästä uudelleen.',
  failedHeading: 'Asiaa ei voitu näyttää',
  retry: 'Yritä uudelleen',
  caseHeading: 'Asia',
  status: 'Tila',
  expectedBy: (date) => `Saat vastauksen viimeistään ${date}.`,
  kind: 'Asian tyyppi',
  kinds: { fault: 'Vikailmoitus', question: 'Kysymys asiointipalveluun' },
  category: 'Aihe',
  photosLabel: 'Kuvat',
  photos: (count) => (count === 1 ? '1 kuva liitetty' : `${count} kuvaa liitetty`),
  timelineHeading: 'Mitä on tapahtunut',
  timelineOrder: 'Uusin on ensimmäisenä.',
  forwardedTo: (department) => `Lähetetty: ${department}.`,
  duplicateOf: 'Sama asia on jo ilmoitettu asiassa',
  followInstead: 'Seuraa sitä ilmoitusta',
  following: 'Seuraat nyt sitä ilmoitusta.',
  followFailed: 'Ilmoituksen seuraaminen ei onnistunut juuri nyt. Yritä hetken päästä uudelleen.',
  changed: (status) => `Asia on päivittynyt: ${status}.`,
  reconnecting: 'Yhteys katkesi ja yritämme uudelleen. Näytetyt tiedot voivat olla vanhoja.',
  reconnected: 'Yhteys on palannut.',
  watchEnded: 'Asia ei enää päivity tässä. Lataa sivu uudelleen nähdäksesi uusimmat tiedot.',
  anotherCase: 'Näytä toinen asia',
  noPersonalData:
    'Täällä ei koskaan näytetä henkilötietoja eikä kirjoittamaasi, vain asian eteneminen.',
  message: {
    answerHeading: 'Vastaa kysymykseemme',
    answerLabel: 'Vastauksesi',
    ourQuestion: 'Kysymyksemme:',
    addHeading: 'Lähetä lisätietoja',
    addLabel: 'Mitä haluat lisätä',
    hint: 'Lähettämäsi tiedot voivat tulla julkiseksi asiakirjaksi. Älä kirjoita henkilötunnustasi tai arkaluonteisia tietoja, ellei se ole välttämätöntä.',
    send: 'Lähetä',
    sending: 'Lähetetään …',
    sent: 'Kiitos! Olemme saaneet lähettämäsi tiedot.',
    required: 'Kirjoita jotain ennen kuin lähetät.',
    tooLong: (max) => `Teksti on liian pitkä. Siinä saa olla enintään ${max} merkkiä.`,
    offline:
      'Asiakaspalveluun ei saatu yhteyttä. Tekstisi on tallessa, ja se lähetetään, kun yhteys palaa.',
    queuedHeading: 'Ei vielä lähetetty.',
    queued:
      'Kirjoittamasi teksti on tallennettu tähän selaimeen, ja se lähetetään automaattisesti, kun yhteys taas toimii, kun sivu on auki tai seuraavalla käyntikerralla.',
    queuedLabel: 'Tallennettu:',
    sendNow: 'Yritä lähettää nyt',
    queuedPhotos: (count) => (count === 1 ? 'Ja yksi kuva.' : `Ja ${count} kuvaa.`),
    photos: {
      legend: 'Kuvat',
      hint: (max) =>
        `Voit lähettää vastauksesi mukana ${max === 1 ? 'yhden kuvan' : `enintään ${max} kuvaa`}, esimerkiksi valokuvan siitä, mitä kysyimme. Kuvia pienennetään, ja sijainti- ja kameratiedot poistetaan ennen lähettämistä.`,
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
    finished:
      'Asia on suljettu, eikä siihen voi enää lisätä mitään. Lähetä sen sijaan uusi viesti.',
    notYours: 'Vain asian lähettänyt henkilö voi vastata tässä.',
    rateLimited: 'Liian monta yritystä juuri nyt. Odota hetki ja yritä uudelleen.',
    failed: 'Lähettäminen ei onnistunut. Tekstisi on tallessa. Yritä uudelleen.',
  },
};
