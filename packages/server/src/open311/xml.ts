/**
 * A small XML writer for Open311's documents. Open311 XML is plain elements and text: no
 * attributes, no namespaces, no mixed content. Every value passes through `escapeText`, so data
 * never reaches the document unescaped; characters XML 1.0 cannot carry at all (most control
 * characters, lone surrogates) are dropped rather than producing a document no parser accepts.
 */

/** A value as the JSON answer has it; the XML answer is derived from the same value. */
export type XmlValue = string | number | boolean | null | undefined | XmlObject | XmlValue[];
export interface XmlObject {
  readonly [name: string]: XmlValue;
}

/**
 * The element name of each item of a list, by the list's name (Open311's XML wraps every list:
 * `<services><service>…`, `<attributes><attribute>…`, `<values><value>…`).
 */
export const XML_ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  notes: 'note',
};

// XML 1.0's Char production: tab, newline, carriage return, and everything from U+0020 except
// surrogates (a well-formed pair is kept) and U+FFFE/U+FFFF.
const NOT_XML_CHAR =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\uD800-\uDFFF]|[\uFFFE\uFFFF]/gu;

/** Text as XML character data: the five special characters escaped, impossible characters dropped. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A whole document: the declaration and `value` as the element `root`. A list's items are
 * named by `XML_ITEM_NAMES` (a list name it does not know is a programming error and throws).
 * `null` and `undefined` become an empty element, as real servers write an absent field
 * (`<status_notes></status_notes>`).
 */
export function xmlDocument(root: string, value: XmlValue): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeElement(out, root, value, '');
  return out.join('');
}

function writeElement(out: string[], name: string, value: XmlValue, indent: string): void {
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
  if (value === null || value === undefined) {
    out.push(`${indent}<${name}></${name}>\n`);
    return;
  }
  if (Array.isArray(value)) {
    const item = XML_ITEM_NAMES[name];
    if (!item) throw new Error(`No XML item name for the list ${name}`);
    writeChildren(
      out,
      name,
      value.map((entry) => [item, entry] as const),
      indent,
    );
    return;
  }
  if (typeof value === 'object') {
    writeChildren(out, name, Object.entries(value), indent);
    return;
  }
  out.push(`${indent}<${name}>${escapeText(String(value))}</${name}>\n`);
}

function writeChildren(
  out: string[],
  name: string,
  children: ReadonlyArray<readonly [string, XmlValue]>,
  indent: string,
): void {
  if (children.length === 0) {
    out.push(`${indent}<${name}></${name}>\n`);
    return;
  }
  out.push(`${indent}<${name}>\n`);
  for (const [child, value] of children) writeElement(out, child, value, `${indent}  `);
  out.push(`${indent}</${name}>\n`);
}
