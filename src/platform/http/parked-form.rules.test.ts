// SYS-5 / RES-11 (issue 16 item 2): the rules of parked forms — who may park what, the payload, its lifetime.
import { describe, expect, it } from 'vitest';
import { formPagePath, keepableField } from './kept-fields.ts';
import { decodeParked, encodeParked, isParkedCurrent, MAX_PARKED_CHARS, mayPark, PARK_TTL_MS, sealContext } from './parked-form.rules.ts';

const applicant = { kind: 'applicant' as const, id: 'a1', method: '帳號' };
const staff = { kind: 'staff' as const, id: 's1', method: '帳號' };
const base = { method: 'POST', parkForm: true, audience: 'applicant' as const, signedIn: false, expired: applicant };

describe('parked form rules', () => {
  it('SYS-5 only a POST to a route that parks, by someone not signed in, with an expired session of that door', () => {
    expect(mayPark(base)).toBe(true);
    expect(mayPark({ ...base, method: 'GET' })).toBe(false);
    expect(mayPark({ ...base, parkForm: false })).toBe(false);
    expect(mayPark({ ...base, signedIn: true })).toBe(false);
    expect(mayPark({ ...base, expired: null })).toBe(false);
    expect(mayPark({ ...base, expired: staff })).toBe(false); // a staff session never parks an applicant form
    expect(mayPark({ ...base, audience: 'agency_hr', expired: staff })).toBe(true);
    expect(mayPark({ ...base, audience: 'public' })).toBe(false);
  });

  it('SYS-5 never a password, its confirmation, a captcha or a token', () => {
    for (const name of ['password', 'newPassword', 'currentPassword', 'confirm', 'captcha', 'token', '_csrf', 'clientSecret']) expect(keepableField(name, 'x'), name).toBe(false);
    for (const name of ['autobiography', 'chineseName', 'education-1-school', 'next']) expect(keepableField(name, 'x'), name).toBe(true);
    expect(keepableField('autobiography', 'x'.repeat(20_001))).toBe(false);
    expect(keepableField('photo', { filename: 'a.jpg' })).toBe(false);
  });

  it('SYS-5 the page is the POST path without its query; never another site', () => {
    expect(formPagePath('/platform/resume?_csrf=abc')).toBe('/platform/resume');
    expect(formPagePath('/platform/resume')).toBe('/platform/resume');
    expect(formPagePath('//evil.example/x')).toBeNull();
    expect(formPagePath('evil')).toBeNull();
  });

  it('SYS-5 the payload round-trips strings and lists only; too big a form is not parked', () => {
    const values = { autobiography: '自傳', identity: ['原住民', '身心障礙'] };
    expect(decodeParked(encodeParked(values)!)).toEqual(values);
    expect(decodeParked('{"v":1,"values":{"a":1,"b":["x",2],"c":"ok"}}')).toEqual({ c: 'ok' });
    for (const junk of ['', 'null', '[]', '{"v":2,"values":{}}', '{"v":1,"values":[]}', 'not json']) expect(decodeParked(junk), junk).toBeNull();
    expect(encodeParked({ a: 'x'.repeat(MAX_PARKED_CHARS) })).toBeNull();
  });

  it('SYS-5 bound to the account and the page; kept 24 hours', () => {
    expect(sealContext('applicant', 'a1', '/platform/resume')).not.toBe(sealContext('applicant', 'a2', '/platform/resume'));
    expect(sealContext('applicant', 'a1', '/platform/resume')).not.toBe(sealContext('staff', 'a1', '/platform/resume'));
    expect(PARK_TTL_MS).toBe(24 * 3600_000);
    const now = new Date('2026-12-03T00:00:00Z');
    expect(isParkedCurrent({ expiresAt: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isParkedCurrent({ expiresAt: now }, now)).toBe(false);
  });
});
