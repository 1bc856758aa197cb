import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeText, xmlDocument } from './xml.js';

describe('xmlDocument', () => {
  it('escapes every special character, so data can never become markup', () => {
    const hostile = `<script>alert("x")</script> & 'quoted' ]]> <!-- -->`;
    const text = xmlDocument('service_requests', [{ description: hostile }]);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain(']]>');
    const parsed = new XMLParser({ ignoreDeclaration: true, parseTagValue: false }).parse(text);
    expect(parsed.service_requests.request.description).toBe(hostile);
  });

  it('drops characters XML 1.0 cannot carry and keeps everything else, astral ones too', () => {
    expect(escapeText('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g')).toBe('abcdefg');
    expect(escapeText('tab\tline\nreturn\r å ä ö 🚦 ع')).toBe('tab\tline\nreturn\r å ä ö 🚦 ع');
  });

  it('wraps lists in their named items and writes empty and absent values as empty elements', () => {
    expect(
      xmlDocument('service_definition', {
        service_code: 'gata.klotter',
        attributes: [{ code: 'a', required: false, order: 1, description: null, values: [] }],
      }),
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<service_definition>',
        '  <service_code>gata.klotter</service_code>',
        '  <attributes>',
        '    <attribute>',
        '      <code>a</code>',
        '      <required>false</required>',
        '      <order>1</order>',
        '      <description></description>',
        '      <values></values>',
        '    </attribute>',
        '  </attributes>',
        '</service_definition>',
        '',
      ].join('\n'),
    );
  });

  it('refuses a list it has no item name for and a name that is not an element name', () => {
    expect(() => xmlDocument('things', [1])).toThrow(/No XML item name/);
    expect(() => xmlDocument('errors', [{ 'bad name': 1 }])).toThrow(/Not an XML element name/);
  });
});
