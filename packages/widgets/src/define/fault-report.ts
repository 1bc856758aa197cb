/**
 * Registers `<kc-fault-report>`. Importing this module is the only thing that defines the element;
 * importing it twice, or two copies of the same version, is harmless.
 *
 * @module @kontakt/widgets/define/fault-report
 */
import { KcFaultReport } from '../components/fault-report/fault-report.js';

KcFaultReport.define('kc-fault-report');

declare global {
  interface HTMLElementTagNameMap {
    'kc-fault-report': KcFaultReport;
  }
}
