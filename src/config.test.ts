import { describe, expect, it } from 'vitest';
import { ConfigError, exposureWarnings, loadConfig, mailDestination, parseTrustProxy } from './config.ts';

const base = { DATA_DIR: '/tmp/sqr-config-test' };

describe('config', () => {
  it('SYS-4 uses safe defaults: port 3000, PGlite in DATA_DIR, disk storage, all three roles', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.database).toEqual({ kind: 'pglite', dir: '/tmp/sqr-config-test/pglite' });
    expect(c.storage.driver).toBe('disk');
    expect(c.roles).toEqual(['web', 'worker', 'scheduler']);
    expect(c.timeZone).toBe('Asia/Taipei');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('RES-13 PDF_FALLBACK_FONT_DIR names where the 全字庫 fallback font is looked for first (unset: the known places)', () => {
    expect(loadConfig(base).pdfFallbackFontDir).toBeUndefined();
    expect(loadConfig({ ...base, PDF_FALLBACK_FONT_DIR: '/opt/fonts/cns' }).pdfFallbackFontDir).toBe('/opt/fonts/cns');
  });

  it('SYS-4 keeps the generated session secret in DATA_DIR across starts', () => {
    expect(loadConfig(base).sessionSecret).toBe(loadConfig(base).sessionSecret);
    expect(loadConfig(base).sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('SYS-3 keeps a generated DATA_KEY in DATA_DIR, separate from the session secret; DATA_KEY_PREVIOUS is optional', () => {
    const c = loadConfig(base);
    expect(c.dataKey).toBe(loadConfig(base).dataKey);
    expect(c.dataKey.length).toBeGreaterThanOrEqual(32);
    expect(c.dataKey).not.toBe(c.sessionSecret);
    expect(c.dataKeyPrevious).toBeUndefined();
    const set = loadConfig({ ...base, DATA_KEY: 'k'.repeat(40), DATA_KEY_PREVIOUS: 'p'.repeat(40) });
    expect([set.dataKey, set.dataKeyPrevious]).toEqual(['k'.repeat(40), 'p'.repeat(40)]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ROLES: 'web,cron' }, 'ROLES'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_BUCKET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, 'SMTP_URL'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail' }, 'DATA_KEY'],
    [{ DATA_KEY: 'short' }, 'DATA_KEY'],
  ])('SYS-4 refuses bad configuration %j with one line naming %s', (env, name) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, ...env });
    } catch (e) {
      expect((e as Error).message).toContain(name);
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('SYS-4 refuses CAPTCHA_TEST_CODE in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), CAPTCHA_TEST_CODE: '1234' })).toThrow(/CAPTCHA_TEST_CODE/);
    expect(loadConfig({ ...base, CAPTCHA_TEST_CODE: '1234' }).captchaTestCode).toBe('1234');
  });

  it('SYS-4 reads DATABASE_URL as PostgreSQL and ROLES as a list', () => {
    const c = loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/db', ROLES: 'worker, scheduler' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', preparedStatements: true });
    expect(c.roles).toEqual(['worker', 'scheduler']);
    // Behind PgBouncer in transaction mode: no named prepared statements.
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/db', DATABASE_PREPARED_STATEMENTS: '0' }).database).toMatchObject({ preparedStatements: false });
    expect(() => loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/db', DATABASE_PREPARED_STATEMENTS: 'yes' })).toThrow();
  });

  it('SYS-4 item 3: TRUST_PROXY is off by default, also in production; a hop count or a list of addresses/CIDRs', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail', DATA_KEY: 'k'.repeat(40) }).trustProxy).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16,::1')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
  });

  it('SYS-4 item 7: outside production the server listens on 127.0.0.1 unless HOST is set; production on every interface', () => {
    expect(loadConfig(base).host).toBe('127.0.0.1');
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...base, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail', DATA_KEY: 'k'.repeat(40) }).host).toBe('0.0.0.0');
  });

  it('SYS-4 item 7: the start warning lists what a non-production process exposes; none in production', () => {
    const dev = exposureWarnings(loadConfig({ ...base, CAPTCHA_TEST_CODE: '1234' })).join('\n');
    expect(dev).toContain('/dev/mail');
    expect(dev).toContain('demo accounts');
    expect(dev).toContain('CAPTCHA_TEST_CODE');
    expect(dev).toContain('127.0.0.1 (this machine only)');
    expect(exposureWarnings(loadConfig({ ...base, HOST: '0.0.0.0' })).join('\n')).toContain('reachable from other machines');
    const prod = loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtps://u:secret@mail.example:465', DATA_KEY: 'k'.repeat(40) });
    expect(exposureWarnings(prod)).toEqual([]);
    expect(mailDestination(prod)).toBe('mail is sent through smtps://mail.example:465');
    expect(mailDestination(prod)).not.toContain('secret');
  });
});
