import type { Department, FaultPhotoSettings } from '@kontakt/core/schemas';
import { FaultPhotoSettingsSchema } from '@kontakt/core/schemas';
import { faultSettingsOf } from '../faults/settings.js';

/** The contract's defaults: 3 photos, 1600 px, 2 MB. */
const DEFAULTS: FaultPhotoSettings = FaultPhotoSettingsSchema.parse({});

/** A department's photo limits: its fault settings' `photos`, else the contract's defaults. */
export function photoSettingsOf(department: Department): FaultPhotoSettings {
  return faultSettingsOf(department)?.photos ?? DEFAULTS;
}
