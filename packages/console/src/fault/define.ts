import { KcDuplicateSuggestions } from './duplicate-suggestions.js';
import { KcFaultSection } from './fault-section.js';

/** Registers the fault case elements: the case view loads this chunk only for a fault case. */
export function defineFaultElements(): void {
  KcFaultSection.define('kc-fault-section');
  KcDuplicateSuggestions.define('kc-duplicate-suggestions');
}
