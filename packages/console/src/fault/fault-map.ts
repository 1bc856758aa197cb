/**
 * The map of a fault case's place, in a chunk of its own that the case view loads only when a
 * fault report with a point is opened. Leaflet with the department's raster tiles and one pin;
 * it only shows (the place is always given in text beside it): the focused map pans with the
 * arrow keys and zooms with `+`/`-` (Leaflet's own keys), and the view has zoom buttons.
 *
 * Leaflet writes `innerHTML` in its attribution and zoom controls and in a `DivIcon` given HTML
 * text: under Trusted Types that throws, so those controls are off (the view shows the
 * attribution and the zoom buttons itself) and the pin is a `DivIcon` given an element.
 */
import type { FaultMapSettings, LatLon } from '@kontakt/core/schemas';
import { LEAFLET_CSS } from '@kontakt/widgets/styles/leaflet';
import { DivIcon, Map as LeafletMap, Marker, TileLayer } from 'leaflet/dist/leaflet-src.esm.js';

/** A map showing one place. */
export interface PlaceMap {
  zoomIn(): void;
  zoomOut(): void;
  /** Removes the map and its listeners. */
  destroy(): void;
}

export interface PlaceMapOptions {
  /** The element the map fills. */
  container: HTMLElement;
  /** The shadow root the map is in: Leaflet's stylesheet is adopted there. */
  root: ShadowRoot;
  settings: FaultMapSettings;
  point: LatLon;
  /** The map's accessible name, and the id of the element that says how to use it. */
  label: string;
  describedBy: string;
  /** The pin's accessible name. */
  pinLabel: string;
}

/** Close enough to see the street, whatever the catalog's start zoom. */
const PLACE_ZOOM = 17;

let sheet: CSSStyleSheet | undefined;

/** Draws the map in `container`, centred on the pin. */
export function createPlaceMap(options: PlaceMapOptions): PlaceMap {
  const { container, root, settings, point } = options;
  sheet ??= makeSheet();
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  // Zooms jump instead of gliding when the person asks for less motion.
  const animate = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const map = new LeafletMap(container, {
    attributionControl: false,
    zoomControl: false,
    keyboard: true,
    maxZoom: settings.maxZoom,
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
  }).setView([point.lat, point.lon], Math.min(PLACE_ZOOM, settings.maxZoom));
  new TileLayer(settings.tileUrl, { maxZoom: settings.maxZoom }).addTo(map);
  container.setAttribute('role', 'application');
  container.setAttribute('aria-label', options.label);
  container.setAttribute('aria-describedby', options.describedBy);

  const pin = document.createElement('span');
  pin.className = 'kc-pin-shape';
  const marker = new Marker([point.lat, point.lon], {
    icon: new DivIcon({ html: pin, className: 'kc-pin', iconSize: [28, 40], iconAnchor: [14, 40] }),
    // Shown, not chosen: the pin is not a control of its own (the map is, and the text says where).
    keyboard: false,
    interactive: false,
  }).addTo(map);
  const icon = marker.getElement();
  icon?.setAttribute('role', 'img');
  icon?.setAttribute('aria-label', options.pinLabel);

  return {
    zoomIn: () => map.zoomIn(),
    zoomOut: () => map.zoomOut(),
    destroy: () => map.remove(),
  };
}

function makeSheet(): CSSStyleSheet {
  const made = new CSSStyleSheet();
  made.replaceSync(`${LEAFLET_CSS}
.kc-pin { background: none; border: 0; }
.kc-pin-shape { display: block; inline-size: 28px; block-size: 28px; border-radius: 50% 50% 50% 0;
  background: #b3261e; border: 3px solid #ffffff; box-shadow: 0 0 0 2px #1b1b1b;
  transform: translateY(4px) rotate(-45deg); }
.leaflet-container:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
@media (prefers-reduced-motion: reduce) {
  .leaflet-zoom-anim .leaflet-zoom-animated { transition: none !important; }
}`);
  return made;
}
