import type { LauncherLocale, LauncherTexts } from './chat-bubble.texts.js';

/**
 * The launcher's words in English, Finnish and Arabic, and in easy-read Swedish (see
 * `chat-bubble.texts.ts`).
 */
export const more: Record<Exclude<LauncherLocale, 'sv'>, LauncherTexts> = {
  en: {
    dir: 'ltr',
    label: 'Chat with us',
    loading: 'Getting opening hours …',
    openUntil: (closes, day) =>
      closes ? `Open ${day ? `until ${day}` : 'today until'} ${closes}` : 'Open around the clock',
    opensNext: (when) => (when ? `Closed. We open ${when}` : 'Closed right now'),
    unavailable: 'The chat cannot be reached right now',
    ongoing: 'Ongoing chat',
    unread: (count) => (count === 1 ? '1 new message' : `${count} new messages`),
    retry: 'Try again',
  },
  fi: {
    dir: 'ltr',
    label: 'Keskustele kanssamme',
    loading: 'Haetaan aukioloaikoja …',
    openUntil: (closes, day) =>
      closes ? `Avoinna ${day ?? 'tänään'} klo ${closes} asti` : 'Avoinna ympäri vuorokauden',
    opensNext: (when) => (when ? `Suljettu. Avaamme ${when}` : 'Suljettu juuri nyt'),
    unavailable: 'Chattiin ei saada yhteyttä juuri nyt',
    ongoing: 'Käynnissä oleva keskustelu',
    unread: (count) => (count === 1 ? '1 uusi viesti' : `${count} uutta viestiä`),
    retry: 'Yritä uudelleen',
  },
  ar: {
    dir: 'rtl',
    label: 'تحدث معنا',
    loading: 'جارٍ جلب مواعيد العمل …',
    openUntil: (closes, day) =>
      closes ? `مفتوح ${day ? `حتى ${day}` : 'اليوم حتى'} ${closes}` : 'مفتوح على مدار الساعة',
    opensNext: (when) => (when ? `مغلق. نفتح ${when}` : 'مغلق الآن'),
    unavailable: 'لا يمكن الوصول إلى الدردشة الآن',
    ongoing: 'محادثة جارية',
    unread: (count) => (count === 1 ? 'رسالة جديدة واحدة' : `${count} رسائل جديدة`),
    retry: 'حاول مرة أخرى',
  },
  'sv-simple': {
    dir: 'ltr',
    label: 'Chatta med oss',
    loading: 'Vänta lite. Vi tittar när chatten är öppen.',
    openUntil: (closes, day) =>
      closes
        ? `Chatten är öppen ${day ? `till ${day}` : 'i dag till'} klockan ${closes}`
        : 'Chatten är alltid öppen',
    opensNext: (when) =>
      when ? `Chatten är stängd nu. Den öppnar ${when}` : 'Chatten är stängd nu',
    unavailable: 'Chatten fungerar inte just nu',
    ongoing: 'Du har en chatt som pågår',
    unread: (count) => (count === 1 ? '1 nytt meddelande' : `${count} nya meddelanden`),
    retry: 'Försök igen',
  },
};
