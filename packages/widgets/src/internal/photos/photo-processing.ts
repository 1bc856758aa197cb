/**
 * Photo processing, a chunk of its own loaded when a person picks a photo (`<kc-fault-report>`'s
 * photo step, `<kc-contact-form>`'s photos): `preparePhoto` (scaled to the settings' `maxEdge`,
 * re-encoded as JPEG so Exif and GPS are gone, HEIC and oversized photos refused with a code the
 * element says in the person's language).
 */
export { type PhotoRefusal, type PreparedPhoto, preparePhoto } from './prepare-photo.js';
