import * as z from 'zod/mini';
import { FAULT_MAX_PHOTOS, MESSAGE_MAX_PHOTOS } from './vocabulary.js';

/*
 * Photos, wherever a citizen sends them: with a fault report (`report.photos`) or with a contact
 * message (`message.photos`). Each is uploaded first (`POST /v1/photos`, scaled and stripped of
 * its metadata in the browser) and then named by its id in the submission.
 */

/** An uploaded photo's id: 128 random bits, base64url. Knowing it is what lets a report use it. */
export const PhotoIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,43}$/, 'invalid_format'));

/** `POST /v1/photos`' answer: the stored, sniffed image. */
export const UploadedPhotoSchema = z.object({
  id: PhotoIdSchema,
  type: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  bytes: z.number().check(z.int(), z.minimum(1)),
  width: z.number().check(z.int(), z.minimum(1)),
  height: z.number().check(z.int(), z.minimum(1)),
});
export type UploadedPhoto = z.infer<typeof UploadedPhotoSchema>;

/** The photos a submission names (ids from `POST /v1/photos`), at most `max`. */
export const photoIdsSchema = (max: number) =>
  z._default(z.array(PhotoIdSchema).check(z.maxLength(max, 'too_long')), []);

/**
 * Limits of a photo step; the browser scales photos down to `maxEdge` before they are sent.
 * `max` is the most photos any department may take there.
 */
const photoSettingsSchema = (max: number) =>
  z.object({
    maxCount: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(max)), 3),
    /** Longest side in pixels after scaling. */
    maxEdge: z._default(z.number().check(z.int(), z.minimum(320), z.maximum(4096)), 1600),
    /** Largest upload in bytes (after scaling); the server refuses bigger ones. */
    maxBytes: z._default(
      z.number().check(z.int(), z.minimum(50_000), z.maximum(10_000_000)),
      2_000_000,
    ),
  });

/** The photo step of a fault report (`FaultCatalog.photos`). */
export const FaultPhotoSettingsSchema = photoSettingsSchema(FAULT_MAX_PHOTOS);
export type FaultPhotoSettings = z.infer<typeof FaultPhotoSettingsSchema>;

/**
 * Photos with a contact message (`Department.messagePhotos`): a picture of a letter, a screenshot
 * of an error. A department without it takes messages without photos.
 */
export const MessagePhotoSettingsSchema = photoSettingsSchema(MESSAGE_MAX_PHOTOS);
export type MessagePhotoSettings = z.infer<typeof MessagePhotoSettingsSchema>;
export type MessagePhotoSettingsInput = z.input<typeof MessagePhotoSettingsSchema>;
