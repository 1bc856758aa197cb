import { describe, expect, it } from 'vitest';
import { isFormContentType, readOpen311Form } from './form.js';

describe('readOpen311Form', () => {
  it('reads the spec example: fields, attribute[code] and attribute[code][] answers', () => {
    const body = new URLSearchParams(
      'api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043' +
        '&address_string=1234+5th+street&email=smit222%40sfgov.edu&device_id=tt222111' +
        '&account_id=123456&first_name=john&last_name=smith&phone=111111111' +
        '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Fx.se%2Fa.jpg' +
        '&attribute[WHISPAWN]=123456&attribute[WHISDORN][]=COTTONWOOD&attribute[WHISDORN][]=MAPLE',
    );
    expect(readOpen311Form(body)).toEqual({
      api_key: 'xyz',
      jurisdiction_id: 'city.gov',
      service_code: '001',
      lat: '37.76524078',
      long: '-122.4212043',
      address_string: '1234 5th street',
      email: 'smit222@sfgov.edu',
      device_id: 'tt222111',
      account_id: '123456',
      first_name: 'john',
      last_name: 'smith',
      phone: '111111111',
      description: 'A large sinkhole is destroying the street',
      media_url: 'http://x.se/a.jpg',
      attributes: { WHISPAWN: '123456', WHISDORN: ['COTTONWOOD', 'MAPLE'] },
    });
  });

  it('takes a repeated attribute as a list, a repeated field once, and drops empty values', () => {
    const body = new URLSearchParams(
      'attribute[var]=gata&attribute[var]=park&attribute[tom]=&attribute[inga][]=' +
        '&description=first&description=second&email=+&lat=%2055.6%20',
    );
    expect(readOpen311Form(body)).toEqual({
      description: 'first',
      lat: '55.6',
      attributes: { var: ['gata', 'park'], inga: [] },
    });
  });

  it('reads api_key and jurisdiction_id from the query string when the body has none', () => {
    const form = readOpen311Form(
      new URLSearchParams('api_key=body&service_code=a'),
      new URLSearchParams('api_key=query&jurisdiction_id=j&attribute[x]=y&service_code=b'),
    );
    expect(form).toEqual({
      api_key: 'body',
      service_code: 'a',
      jurisdiction_id: 'j',
      attributes: {},
    });
  });

  it('knows the form content type with or without a charset', () => {
    expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
    expect(isFormContentType('Application/X-WWW-Form-Urlencoded; charset=UTF-8')).toBe(true);
    expect(isFormContentType('multipart/form-data; boundary=x')).toBe(false);
    expect(isFormContentType(undefined)).toBe(false);
  });
});
