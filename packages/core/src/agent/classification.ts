/*
 * How staff classify a case: each department's own tree of labels in three levels (category →
 * type → subtype, as the reference's case system has them). A label may escalate: a case
 * classified at it (or under it) is e-mailed on to an address the server keeps to itself.
 */
import * as z from 'zod/mini';
import { SlugSchema } from '../schemas/common.js';

/**
 * How deep a department's classification goes: category, type, subtype.
 *
 * @since 0.6.0
 */
export const CLASSIFICATION_DEPTH = 3;

/**
 * One label of a department's classification, as staff pick it. The tree is a list: each label
 * names its parent, parents before their children.
 *
 * @since 0.6.0
 */
export const ClassLabelSchema = z.object({
  /** Unique within its department. */
  id: SlugSchema,
  name: z.object({ sv: z.string(), en: z.optional(z.string()) }),
  /** The label above it; `null` for a category (the top level). */
  parent: z.nullable(SlugSchema),
  /**
   * True when a case classified here, or under here, is e-mailed on (escalated) to the address
   * configured for it. The address is not sent: it is the server's setting.
   */
  escalates: z.boolean(),
});
export type ClassLabel = z.infer<typeof ClassLabelSchema>;

/**
 * `GET /v1/agent/classification`: every department's labels (departments without any are left
 * out).
 *
 * @since 0.6.0
 */
export const ClassificationListSchema = z.object({
  departments: z.array(
    z.object({
      department: SlugSchema,
      labels: z.array(ClassLabelSchema),
    }),
  ),
});
export type ClassificationList = z.infer<typeof ClassificationListSchema>;

/**
 * A case's classification: the labels' ids from the category down, one to
 * `CLASSIFICATION_DEPTH` of them, each the child of the one before, in the case's department's
 * tree (the server refuses any other path with `unknown_label`).
 *
 * @since 0.6.0
 */
export const ClassificationPathSchema = z
  .array(SlugSchema)
  .check(z.minLength(1, 'required'), z.maxLength(CLASSIFICATION_DEPTH, 'too_long'));
export type ClassificationPath = z.infer<typeof ClassificationPathSchema>;

/**
 * A classification path as the inbox's filter takes it: one to `CLASSIFICATION_DEPTH` label ids
 * joined by `/`.
 *
 * @since 0.6.0
 */
export const CLASSIFICATION_FILTER =
  /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*){0,2}$/;

/**
 * `POST /v1/agent/cases/{reference}/classification`: classify the case (`path`), or take its
 * classification away (`null`).
 *
 * @since 0.6.0
 */
export const ClassifyInputSchema = z.object({ path: z.nullable(ClassificationPathSchema) });
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;

/**
 * The labels of one path, by id in the department's list; `undefined` where a label is not (or
 * no longer) there, so a caller can show the id instead.
 *
 * @since 0.6.0
 */
export function labelsOf(
  labels: readonly ClassLabel[],
  path: readonly string[],
): (ClassLabel | undefined)[] {
  const byId = new Map(labels.map((label) => [label.id, label]));
  return path.map((id) => byId.get(id));
}

/**
 * True when `path` runs down `labels`' tree from a category: each label there, and the child of
 * the one before.
 *
 * @since 0.6.0
 */
export function isClassificationPath(
  labels: readonly ClassLabel[],
  path: readonly string[],
): boolean {
  const found = labelsOf(labels, path);
  return (
    path.length > 0 &&
    path.length <= CLASSIFICATION_DEPTH &&
    found.every((label, index) => label !== undefined && label.parent === (path[index - 1] ?? null))
  );
}
