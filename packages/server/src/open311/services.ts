import type { FaultAttribute, FaultCatalog, FaultCategory } from '@kontakt/core/schemas';

/*
 * The fault categories of every department as Open311 services. A service code is
 * `<department>.<category>` (`gata.gatubelysning`): unique across departments, stable as long as
 * the configuration's ids are, and unambiguous since ids are slugs, which have no dots.
 */

/** One department's fault catalog, as the server serves it. */
export type DepartmentCatalog = Pick<FaultCatalog, 'department' | 'groups' | 'categories'>;

/** A category found by its service code. */
export interface ServiceEntry {
  code: string;
  catalog: DepartmentCatalog;
  category: FaultCategory;
}

/** A service of `GET services.{fmt}`. */
export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string | null;
};

/** An attribute of `GET services/{code}.{fmt}`. */
export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: FaultAttribute['datatype'];
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
};

/** `GET services/{code}.{fmt}`'s answer. */
export type Open311ServiceDefinition = {
  service_code: string;
  attributes: Open311Attribute[];
};

/** The service code of a category. */
export const serviceCode = (department: string, category: string) => `${department}.${category}`;

/** Every category of every catalog, by service code, in the configuration's order. */
export function serviceIndex(catalogs: Iterable<DepartmentCatalog>): Map<string, ServiceEntry> {
  const index = new Map<string, ServiceEntry>();
  for (const catalog of catalogs) {
    for (const category of catalog.categories) {
      const code = serviceCode(catalog.department, category.id);
      index.set(code, { code, catalog, category });
    }
  }
  return index;
}

/**
 * A service as Open311 lists it. Realtime: a report is a case the moment it is accepted, so the
 * answer to `POST requests` is its reference, never a token. The words are Swedish, the
 * municipality's language (every category has a Swedish name; other languages are optional).
 */
export function toService({ code, catalog, category }: ServiceEntry): Open311Service {
  const group = catalog.groups.find((candidate) => candidate.id === category.group);
  return {
    service_code: code,
    service_name: category.name.sv,
    description: category.description?.sv ?? null,
    metadata: category.attributes.length > 0,
    type: 'realtime',
    keywords: category.keywords.length > 0 ? category.keywords.join(', ') : null,
    group: group?.name.sv ?? null,
  };
}

/**
 * A category's questions as Open311 attributes, in the order they are asked. Open311's `order`
 * counts from 1 ("1 is shown first"), so the position is written, which keeps ties in the
 * configuration's order where kontakt's own `order` values are equal.
 */
export function toServiceDefinition({ code, category }: ServiceEntry): Open311ServiceDefinition {
  return {
    service_code: code,
    attributes: orderedAttributes(category).map((attribute, index) => ({
      variable: attribute.variable,
      code: attribute.code,
      datatype: attribute.datatype,
      required: attribute.required,
      datatype_description: attribute.hint?.sv ?? null,
      order: index + 1,
      description: attribute.description.sv,
      values: attribute.values.map((value) => ({ key: value.key, name: value.name.sv })),
    })),
  };
}

/** A category's attributes by `order`, ties in the configuration's order. */
export function orderedAttributes(category: FaultCategory): FaultAttribute[] {
  return category.attributes
    .map((attribute, index) => ({ attribute, index }))
    .sort((a, b) => a.attribute.order - b.attribute.order || a.index - b.index)
    .map(({ attribute }) => attribute);
}
