/**
 * The map of the location step, in a chunk of its own that is loaded only when the person asks
 * for the map (the way without the map comes first and is complete on its own). Leaflet with the
 * department's raster tiles; the pin is placed by click or tap, dragged, or moved by keyboard: on
 * the focused pin the arrow keys move it, on the focused map they pan it (Leaflet's own keys,
 * `+`/`-` zoom) and Enter puts the pin in the middle. The chosen point is told in text by the
 * element, not here.
 *
 * Leaflet writes `innerHTML` in its attribution and zoom controls and in a `DivIcon` with HTML
 * text: under Trusted Types that throws, so those controls are off (the element shows the
 * attribution and zoom buttons itself) and the pin is a `DivIcon` given an element.
 */
import type { FaultMapSettings, LatLon } from '@kontakt/core/schemas';
import { DivIcon, Map as LeafletMap, Marker, TileLayer } from 'leaflet/dist/leaflet-src.esm.js';
import { LEAFLET_CSS } from '../../styles/leaflet.js';

/** How far one arrow key moves the pin, in screen pixels (Shift: a fine step). */
const STEP_PX = 20;
const FINE_STEP_PX = 4;

/** A map with one pin. */
export interface PinMap {
  /** Puts the pin at `point` (and the map around it), without calling `onPick`. */
  setPoint(point: LatLon): void;
  /** Puts the pin in the middle of what the map shows, and reports it. */
  placeAtCenter(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Removes the map and its listeners. */
  destroy(): void;
}

export interface PinMapOptions {
  /** The element the map fills. */
  container: HTMLElement;
  /** The shadow root the map is in: Leaflet's stylesheet is adopted there. */
  root: ShadowRoot;
  settings: FaultMapSettings;
  point: LatLon | undefined;
  /** The map's accessible name and how to use it (aria-label, aria-describedby target id). */
  label: string;
  describedBy: string;
  /** The pin's accessible name. */
  pinLabel: string;
  /** The person placed or moved the pin. */
  onPick(point: LatLon): void;
}

let sheet: CSSStyleSheet | undefined;

/** Draws the map in `container`. */
export function createPinMap(options: PinMapOptions): PinMap {
  const { container, root, settings } = options;
  sheet ??= makeSheet();
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  const start = options.point ?? settings.center;
  // Zooms and pans jump instead of gliding when the person asks for less motion.
  const animate = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const map = new LeafletMap(container, {
    attributionControl: false,
    zoomControl: false,
    keyboard: true,
    maxZoom: settings.maxZoom,
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
  }).setView([start.lat, start.lon], options.point ? Math.max(settings.zoom, 16) : settings.zoom);
  new TileLayer(settings.tileUrl, { maxZoom: settings.maxZoom }).addTo(map);
  container.setAttribute('role', 'application');
  container.setAttribute('aria-label', options.label);
  container.setAttribute('aria-describedby', options.describedBy);

  let marker: Marker | undefined;
  const report = () => {
    if (!marker) return;
    const { lat, lng } = marker.getLatLng();
    options.onPick({ lat: round(lat), lon: round(wrap(lng)) });
  };
  const place = (point: LatLon) => {
    if (marker) {
      marker.setLatLng([point.lat, point.lon]);
      return;
    }
    marker = new Marker([point.lat, point.lon], {
      icon: new DivIcon({
        html: pinElement(),
        className: 'kc-pin',
        iconSize: [28, 40],
        iconAnchor: [14, 40],
      }),
      draggable: true,
      keyboard: true,
      title: options.pinLabel,
      alt: options.pinLabel,
    }).addTo(map);
    marker.on('dragend', report);
    const icon = marker.getElement();
    icon?.setAttribute('role', 'button');
    icon?.setAttribute('aria-label', options.pinLabel);
    icon?.addEventListener('keydown', onPinKey);
  };
  const onPinKey = (event: KeyboardEvent) => {
    const delta = arrow(event.key, event.shiftKey ? FINE_STEP_PX : STEP_PX);
    if (!delta || !marker) return;
    // The map would pan with the same keys; on the pin they move the pin.
    event.preventDefault();
    event.stopPropagation();
    const at = map.latLngToContainerPoint(marker.getLatLng()).add(delta);
    marker.setLatLng(map.containerPointToLatLng(at));
    if (!map.getBounds().pad(-0.1).contains(marker.getLatLng()))
      map.panTo(marker.getLatLng(), { animate });
    report();
  };
  const onMapKey = (event: KeyboardEvent) => {
    if (event.target !== container || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    placeAtCenter();
  };
  const placeAtCenter = () => {
    const { lat, lng } = map.getCenter();
    place({ lat, lon: lng });
    report();
  };
  map.on('click', (event) => {
    place({ lat: event.latlng.lat, lon: event.latlng.lng });
    report();
  });
  container.addEventListener('keydown', onMapKey);
  if (options.point) place(options.point);

  return {
    setPoint(point) {
      place(point);
      map.setView([point.lat, point.lon], Math.max(map.getZoom(), 16), { animate });
    },
    placeAtCenter,
    zoomIn: () => map.zoomIn(),
    zoomOut: () => map.zoomOut(),
    destroy() {
      container.removeEventListener('keydown', onMapKey);
      map.remove();
    },
  };
}

function arrow(key: string, step: number): [number, number] | undefined {
  if (key === 'ArrowUp') return [0, -step];
  if (key === 'ArrowDown') return [0, step];
  if (key === 'ArrowLeft') return [-step, 0];
  if (key === 'ArrowRight') return [step, 0];
  return undefined;
}

/** The pin: a shape drawn with CSS, built with DOM calls (no HTML strings). */
function pinElement(): HTMLElement {
  const pin = document.createElement('span');
  pin.className = 'kc-pin-shape';
  pin.setAttribute('aria-hidden', 'true');
  return pin;
}

function makeSheet(): CSSStyleSheet {
  const made = new CSSStyleSheet();
  made.replaceSync(`${LEAFLET_CSS}
.kc-pin { background: none; border: 0; }
.kc-pin:focus-visible { outline: 3px solid var(--_color-focus, #0b5cad); outline-offset: 2px; border-radius: 50%; }
.kc-pin-shape { display: block; inline-size: 28px; block-size: 28px; border-radius: 50% 50% 50% 0;
  background: #b3261e; border: 3px solid #ffffff; box-shadow: 0 0 0 2px #1b1b1b;
  transform: translateY(4px) rotate(-45deg); }
@media (prefers-reduced-motion: reduce) {
  .leaflet-fade-anim .leaflet-popup, .leaflet-zoom-anim .leaflet-zoom-animated { transition: none !important; }
}`);
  return made;
}

/** About a metre: the point is not more precise than a finger on a map. */
const round = (value: number): number => Math.round(value * 1e5) / 1e5;
const wrap = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;
