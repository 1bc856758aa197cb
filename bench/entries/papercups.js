// Papercups' chat launcher as its README embeds it, on the React 17 it supports. Its API and its
// chat window (an iframe app on papercups.io) are replaced by the bench's stand-ins on loopback.
import { ChatWidget } from '@papercups-io/chat-widget';
import { createElement } from 'react';
import { render } from 'react-dom';

render(
  createElement(ChatWidget, {
    accountId: '00000000-0000-4000-8000-000000000000',
    title: 'Välkommen till Exempelstaden',
    subtitle: 'Fråga oss vad du vill',
    primaryColor: '#005aa0',
    greeting: 'Hej! Hur kan vi hjälpa dig?',
    newMessagePlaceholder: 'Skriv ditt meddelande…',
    showAgentAvailability: false,
    baseUrl: new URL('/papercups-api', location.href).href,
    iframeUrlOverride: new URL('/papercups-frame', location.href).href,
  }),
  document.getElementById('papercups'),
);
