/**
 * Photo processing for the photo step, a chunk of its own loaded when the person picks a photo:
 * the widgets' `preparePhoto` (scaled to the catalog's `maxEdge`, re-encoded as JPEG so EXIF and
 * GPS are gone, HEIC and oversized photos refused with a code the element says in the person's
 * language).
 */
export {
  type PhotoRefusal,
  type PreparedPhoto,
  preparePhoto,
} from '../../internal/photos/prepare-photo.js';
