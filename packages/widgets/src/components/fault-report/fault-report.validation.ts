import type { FieldError } from '@kontakt/core';
import { toFieldErrors } from '@kontakt/core';
import type { FaultReport, FaultReportInput } from '@kontakt/core/schemas';
import { FaultReportSchema } from '@kontakt/core/schemas';

export type ReportValidation =
  | { success: true; report: FaultReport }
  | { success: false; errors: FieldError[] };

/** Checks the report with the contract's own schema, the one the SDK and the server use. */
export function validateReport(input: FaultReportInput): ReportValidation {
  const result = FaultReportSchema.safeParse(input);
  if (result.success) return { success: true, report: result.data };
  return { success: false, errors: toFieldErrors(result.error.issues) };
}
