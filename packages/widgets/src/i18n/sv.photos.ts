import type { PhotoFieldTexts } from './translation.js';

/** Swedish texts of the contact form's photos: loaded with the photos field. */
export const svPhotos: PhotoFieldTexts = {
  legend: 'Bilder',
  hint: (max) =>
    `Du kan bifoga ${max === 1 ? 'en bild' : `upp till ${max} bilder`}, till exempel ett foto av ett brev eller en skärmbild. Bilderna görs mindre, och uppgifter om plats och kamera tas bort innan de skickas.`,
  add: 'Lägg till bild',
  full: (max) => `Du har lagt till ${max === 1 ? 'en bild' : `${max} bilder`}, så många som går.`,
  alt: (n, total) => `Bild ${n} av ${total}`,
  remove: (n, total) => `Ta bort bild ${n} av ${total}`,
  preparing: 'Förbereder bilden …',
  added: (n, total) => `Bild ${n} av ${total} har lagts till.`,
  removed: 'Bilden är borttagen.',
  uploading: (percent) => `Skickar bilder: ${percent} %`,
  problems: {
    heic_unsupported:
      'Bilden är i formatet HEIC, som inte kan användas här. Välj en annan bild, eller ställ in kameran på ”Mest kompatibel” (JPEG).',
    too_large: 'Bilden är för stor för att skickas. Välj en mindre bild.',
    decode_failed: 'Filen kunde inte läsas som en bild. Välj en JPEG-, PNG- eller WebP-bild.',
    not_an_image: 'Den sortens fil kan inte skickas. Välj en JPEG-, PNG- eller WebP-bild.',
  },
};
