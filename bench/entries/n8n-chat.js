// n8n's chat as its README embeds it (launcher in the corner), talking to the bench's stand-in
// webhook on loopback so that the session request it makes at start is answered.
import '@n8n/chat/style.css';
import { createChat } from '@n8n/chat';

createChat({
  webhookUrl: new URL('/n8n-webhook', location.href).href,
  mode: 'window',
  initialMessages: ['Hej! Hur kan vi hjälpa dig?'],
  i18n: {
    en: {
      title: 'Välkommen till Exempelstaden',
      subtitle: 'Fråga oss vad du vill',
      footer: '',
      getStarted: 'Ny konversation',
      inputPlaceholder: 'Skriv ditt meddelande…',
      closeButtonTooltip: 'Stäng',
    },
  },
});
