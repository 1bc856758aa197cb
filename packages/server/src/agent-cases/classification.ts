import type { ClassificationList, ClassLabel } from '@kontakt/core/agent';
import { CLASSIFICATION_DEPTH, labelsOf } from '@kontakt/core/agent';
import type { Department, FieldError } from '@kontakt/core/schemas';
import { SlugSchema } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { ConfigError, fieldError, fieldUnder, toConfigErrors } from '../config-error.js';

/*
 * Each department's classification (category → type → subtype) as the configuration gives it: a
 * tree per department, a label with an `escalationEmail` e-mailing a case classified at it, or
 * under it, on to that address. The address stays here: staff get the labels flattened
 * (`ClassLabel`, with `escalates` only), the store only the address a classification reaches.
 */

/** One label as configured: its children are the level below (at most `CLASSIFICATION_DEPTH`). */
export interface ClassificationLabelConfig {
  id: string;
  name: { sv: string; en?: string };
  /** Where a case classified here, or under here (unless a deeper label has its own), is e-mailed. */
  escalationEmail?: string;
  children?: ClassificationLabelConfig[];
}

/** The `classification` of a configuration: each department's categories, by department id. */
export type ClassificationConfig = Record<string, ClassificationLabelConfig[]>;

/** A department's classification as the server uses it. */
export interface DepartmentClassification {
  /** Every label, parents before their children (what `GET /v1/agent/classification` lists). */
  readonly labels: readonly ClassLabel[];
  /** Each escalating label's own address, by label id (plain data: it crosses to the worker). */
  readonly escalations: Readonly<Record<string, string>>;
}

/** Every department's classification that has labels, by department id. */
export type Classifications = ReadonlyMap<string, DepartmentClassification>;

const NameSchema = z.object({
  sv: z.string().check(z.minLength(1, 'required'), z.maxLength(200, 'too_long')),
  en: z.optional(z.string().check(z.minLength(1, 'required'), z.maxLength(200, 'too_long'))),
});

/** One label's own fields; its children are checked one level down (`checkLabels`). */
const LabelSchema = z.object({
  id: SlugSchema,
  name: NameSchema,
  escalationEmail: z.optional(z.email()),
  children: z.optional(z.array(z.unknown())),
});

const SectionSchema = z.record(z.string(), z.unknown());
const LabelsSchema = z.array(z.unknown());

/**
 * Checks a configuration's `classification` (`{ "<department id>": Label[] }`) against the
 * departments there are: a bad one throws `ConfigError` from `source` naming each field
 * (`classification.gata.0.children.1.id: duplicate`, `classification.gata.0.children.0.children.0.children:
 * too_deep`, `classification.vard: unknown_department`). Gives the section back without anything
 * it does not know.
 */
export function parseClassification(
  input: unknown,
  departments: ReadonlySet<string>,
  source = 'classification',
): ClassificationConfig {
  const errors: FieldError[] = [];
  const section = checked(SectionSchema, input, ['classification'], errors) ?? {};
  const config: ClassificationConfig = {};
  for (const [department, labels] of Object.entries(section)) {
    const at = ['classification', department];
    if (!departments.has(department)) {
      errors.push({ ...fieldError(at, 'unknown_department'), params: { department } });
      continue;
    }
    config[department] = checkLabels(labels, at, 1, new Set(), errors);
  }
  if (errors.length > 0) throw new ConfigError(source, errors);
  return config;
}

/** One level of a department's tree, and the levels below it; `seen`: the department's ids. */
function checkLabels(
  input: unknown,
  at: (string | number)[],
  level: number,
  seen: Set<string>,
  errors: FieldError[],
): ClassificationLabelConfig[] {
  const list = checked(LabelsSchema, input, at, errors) ?? [];
  const labels: ClassificationLabelConfig[] = [];
  list.forEach((each, index) => {
    const here = [...at, index];
    const label = checked(LabelSchema, each, here, errors);
    if (!label) return;
    if (seen.has(label.id)) {
      errors.push({ ...fieldError([...here, 'id'], 'duplicate'), params: { id: label.id } });
    }
    seen.add(label.id);
    const children = label.children ?? [];
    if (children.length > 0 && level >= CLASSIFICATION_DEPTH) {
      errors.push({
        ...fieldError([...here, 'children'], 'too_deep'),
        params: { maximum: CLASSIFICATION_DEPTH },
      });
    }
    const below =
      level < CLASSIFICATION_DEPTH
        ? checkLabels(children, [...here, 'children'], level + 1, seen, errors)
        : [];
    labels.push({
      id: label.id,
      name:
        label.name.en === undefined
          ? { sv: label.name.sv }
          : { sv: label.name.sv, en: label.name.en },
      ...(label.escalationEmail === undefined ? {} : { escalationEmail: label.escalationEmail }),
      ...(below.length > 0 ? { children: below } : {}),
    });
  });
  return labels;
}

/** `input` checked with `schema`, or `undefined` with its errors named from `at` added. */
function checked<S extends $ZodType>(
  schema: S,
  input: unknown,
  at: readonly (string | number)[],
  errors: FieldError[],
): z.output<S> | undefined {
  // With the input, a value of the wrong type is `invalid_type` rather than `required`.
  const parsed = z.safeParse(schema, input, { reportInput: true });
  if (parsed.success) return parsed.data;
  errors.push(...toConfigErrors(parsed.error.issues).map((error) => fieldUnder(at, error)));
  return undefined;
}

/** The configuration as the server uses it: each department with labels, flattened. */
export function classificationsOf(config: ClassificationConfig = {}): Classifications {
  const classifications = new Map<string, DepartmentClassification>();
  for (const [department, tree] of Object.entries(config)) {
    const labels: ClassLabel[] = [];
    const escalations: Record<string, string> = {};
    const visit = (label: ClassificationLabelConfig, parent: string | null) => {
      labels.push({
        id: label.id,
        name: label.name,
        parent,
        escalates: label.escalationEmail !== undefined,
      });
      if (label.escalationEmail !== undefined) escalations[label.id] = label.escalationEmail;
      for (const child of label.children ?? []) visit(child, label.id);
    };
    for (const category of tree) visit(category, null);
    if (labels.length > 0) classifications.set(department, { labels, escalations });
  }
  return classifications;
}

/** `GET /v1/agent/classification`: every department's labels, departments without any left out. */
export function classificationList(classifications: Classifications): ClassificationList {
  return {
    departments: [...classifications].map(([department, { labels }]) => ({
      department,
      labels: [...labels],
    })),
  };
}

/** A path as the store keeps it (`gata-och-trafik/parkering`), and back. */
export const joinPath = (path: readonly string[] | null): string | null =>
  path === null ? null : path.join('/');
export const splitPath = (stored: string | null): string[] | null =>
  stored === null || stored === '' ? null : stored.split('/');

/**
 * Where a case classified at `path` is e-mailed: the address of the deepest label on it that has
 * one, or `undefined` when none escalates.
 */
export function escalationAddress(
  escalations: Readonly<Record<string, string>>,
  path: readonly string[] | null,
): string | undefined {
  for (const id of [...(path ?? [])].reverse()) {
    const address = escalations[id];
    if (address !== undefined) return address;
  }
  return undefined;
}

/** The e-mail that escalates a case: about the case, never with the citizen's personal data. */
export interface EscalationMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The e-mail to the address `path` reaches in `department`'s tree, or `undefined` when none. It
 * goes to a shared mailbox: the reference, the department, the labels and who classified the case,
 * and nothing of the citizen's (their name, contact details and message are in the console).
 */
export function escalationMail(
  reference: string,
  department: Department,
  classification: DepartmentClassification,
  path: readonly string[],
  classifiedBy: string,
): EscalationMail | undefined {
  const to = escalationAddress(classification.escalations, path);
  if (to === undefined) return undefined;
  const names = labelsOf(classification.labels, path)
    .map((label, index) => oneLine(label?.name.sv ?? (path[index] as string)))
    .join(' › ');
  return {
    to,
    subject: `Eskalerat ärende ${reference}: ${names}`,
    text: [
      `Ärendet ${reference} har klassificerats så att det eskaleras till er.`,
      '',
      `Förvaltning: ${oneLine(department.name.sv)}`,
      `Klassificering: ${names}`,
      `Klassificerat av: ${oneLine(classifiedBy)}`,
      '',
      'Ärendet finns i kontaktcentrets konsol: sök på ärendenumret där. Uppgifter om den som',
      'kontaktade oss står bara i konsolen, inte i det här meddelandet.',
      '',
    ].join('\n'),
  };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
