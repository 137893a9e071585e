import { describe, expect, it } from 'vitest';
import { looksRandom, redactUrl, requestSerializer } from './log-redaction.ts';

const TOKEN = 'q3J8x_Zr0Vb-7YtLm2Nc4Pd5Qe6Rf7Sg8Th9Ui0Wj1';

describe('log redaction (issue 9 item 4)', () => {
  it('SYS-2 item 4: token-like query values and path segments are replaced, the rest kept', () => {
    expect(redactUrl(`/platform/activate?token=${TOKEN}`)).toBe('/platform/activate?token=[redacted]');
    expect(redactUrl(`/platform/reset?t=abc`)).toBe('/platform/reset?t=[redacted]');
    expect(redactUrl(`/x?code=123456&_csrf=abc&key=k&page=2`)).toBe('/x?code=[redacted]&_csrf=[redacted]&key=[redacted]&page=2');
    expect(redactUrl(`/newsletter/manage/${TOKEN}`)).toBe('/newsletter/manage/[redacted]');
    expect(redactUrl(`/x?whatever=${TOKEN}`)).toBe('/x?whatever=[redacted]');
    expect(redactUrl('/jobs?q=%E5%B7%A5%E7%A8%8B&place=10&page=3')).toBe('/jobs?q=%E5%B7%A5%E7%A8%8B&place=10&page=3');
    expect(redactUrl('/platform/resume/files/6f1c2a9e-1b2c-4d3e-8f90-0123456789ab')).toBe('/platform/resume/files/6f1c2a9e-1b2c-4d3e-8f90-0123456789ab');
  });

  it('SYS-2 item 4: random-looking means long, URL-safe and mixed; words and UUIDs are not', () => {
    expect(looksRandom(TOKEN)).toBe(true);
    expect(looksRandom('administrative-division')).toBe(false);
    expect(looksRandom('12345')).toBe(false);
  });

  it('SYS-2 item 4: the request serializer holds no headers, cookies or CSRF token', () => {
    const out = requestSerializer({ method: 'POST', url: `/x?_csrf=${TOKEN}`, headers: { cookie: 'sid=secret', 'csrf-token': TOKEN } } as never);
    expect(JSON.stringify(out)).not.toContain('secret');
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect(out).toMatchObject({ method: 'POST', url: '/x?_csrf=[redacted]' });
  });
});
