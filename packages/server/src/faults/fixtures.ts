import type { FaultSettingsInput } from './settings.js';

/*
 * Test fixture: the streets department's fault settings, small but with a question of every
 * Open311 type. Used by the fixture department `gata` (`test-support/departments.ts`).
 */

export const gataFaults = {
  groups: [
    { id: 'gata-och-trafik', name: { sv: 'Gata och trafik', en: 'Streets and traffic' } },
    { id: 'park-och-natur', name: { sv: 'Park och natur', en: 'Parks and nature' } },
  ],
  categories: [
    {
      id: 'gatubelysning',
      group: 'gata-och-trafik',
      name: { sv: 'Gatubelysning', en: 'Street light' },
      keywords: ['lykta', 'lampa', 'stolpe'],
      attributes: [
        {
          code: 'hur',
          datatype: 'singlevaluelist',
          description: {
            sv: 'Lyser lampan inte alls, eller blinkar den?',
            en: 'Is it out or blinking?',
          },
          required: true,
          order: 1,
          values: [
            { key: 'slackt', name: { sv: 'Helt släckt', en: 'Completely out' } },
            { key: 'blinkar', name: { sv: 'Blinkar', en: 'Blinking' } },
            { key: 'dagtid', name: { sv: 'Lyser dagtid', en: 'On in daytime' } },
          ],
        },
        {
          code: 'stolpnummer',
          datatype: 'string',
          description: { sv: 'Stolpnummer', en: 'Pole number' },
          order: 2,
        },
        {
          code: 'antal',
          datatype: 'number',
          description: { sv: 'Hur många lampor?', en: 'How many lights?' },
          order: 3,
        },
        {
          code: 'sedan',
          datatype: 'datetime',
          description: { sv: 'Sedan när?', en: 'Since when?' },
          order: 4,
        },
        {
          code: 'var',
          datatype: 'multivaluelist',
          description: { sv: 'Var sitter lampan?', en: 'Where is the light?' },
          order: 5,
          values: [
            { key: 'gata', name: { sv: 'Vid gata', en: 'By a street' } },
            { key: 'gangvag', name: { sv: 'Vid gång- eller cykelväg', en: 'By a path' } },
            { key: 'park', name: { sv: 'I park', en: 'In a park' } },
          ],
        },
        {
          code: 'info',
          datatype: 'text',
          variable: false,
          description: {
            sv: 'Numret står på en skylt på stolpen.',
            en: 'The number is on the pole.',
          },
        },
      ],
    },
    {
      id: 'hal-i-gata',
      group: 'gata-och-trafik',
      name: { sv: 'Hål i gata eller väg', en: 'Pothole' },
      attributes: [
        {
          code: 'fara',
          datatype: 'text',
          description: {
            sv: 'Är det en fara för trafiken? Berätta.',
            en: 'Is it a danger to traffic?',
          },
        },
      ],
    },
    {
      id: 'klotter',
      group: 'park-och-natur',
      name: { sv: 'Klotter', en: 'Graffiti' },
    },
  ],
  nearbyRadiusMeters: 150,
  map: {
    tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© OpenStreetMap contributors',
    center: { lat: 55.605, lon: 13.0038 },
    zoom: 14,
  },
  geocoder: {
    kind: 'places',
    places: [
      { label: 'Stortorget, Malmö', lat: 55.6056, lon: 13.0018 },
      { label: 'Södergatan, Malmö', lat: 55.6035, lon: 13.0011 },
      { label: 'Södra Förstadsgatan, Malmö', lat: 55.5975, lon: 13.0047 },
    ],
  },
  photos: { maxCount: 3 },
} satisfies FaultSettingsInput;
