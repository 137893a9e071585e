// The only reader of process.env. Parsed once with zod, frozen, and passed down.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ROLE_NAMES = ['web', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLE_NAMES)[number];

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Outside production the default is loopback only (issue 9 item 7); production listens on every interface.
  HOST: z.string().min(1).optional(),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Named prepared statements on PostgreSQL (platform/db/prepared-client.ts); 0 behind PgBouncer in transaction mode.
  DATABASE_PREPARED_STATEMENTS: z.enum(['0', '1']).default('1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('事求人機關徵才系統 <no-reply@localhost>'),
  STORAGE_DRIVER: z.enum(['disk', 's3']).default('disk'),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_KEY_PREVIOUS: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  CAPTCHA_TEST_CODE: z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits').optional(),
  ROLES: z
    .string()
    .default('web,worker,scheduler')
    .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROLE_NAMES)).min(1, 'name at least one of web, worker, scheduler')),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** SYS-3: applications are purged this many months after their job's validity ended. */
  APPLICATION_RETENTION_MONTHS: z.coerce.number().int().min(12).max(240).default(36),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Rendered search pages of visitors without a session, kept until the published set changes (0: off).
  SEARCH_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(1024).default(32),
  // Resume PDFs rendered on a worker thread (1) or on the event loop (0; the default under NODE_ENV=test).
  PDF_THREADS: z.enum(['0', '1']).optional(),
  NEWSLETTER_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  ACTIVATION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  TRUST_PROXY: z.string().optional(),
  // A directory with the CNS 11643 全字庫 TrueType files (TW-Sung*.ttf), looked in before the known ones.
  PDF_FALLBACK_FONT_DIR: z.string().min(1).optional(),
  // ECPA-2 certificate sign-in: comma lists of files (PEM or DER). Roots pin the CAs; CAs are trusted only when one
  // of the roots signed them. CRL locations are files or http(s) URLs, loaded at start and every
  // CARD_CRL_REFRESH_MINUTES (never per request).
  CARD_ROOT_FILES: z.string().optional(),
  CARD_MOICA_CA_FILES: z.string().optional(),
  CARD_GCA_CA_FILES: z.string().optional(),
  CARD_TEST_CA_FILES: z.string().optional(),
  CARD_CRL_LOCATIONS: z.string().optional(),
  CARD_CRL_REFRESH_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** JSON object: GCA agency OID (2.16.886.1.100.2.102) → DGPA 機關代碼. */
  CARD_AGENCY_OID_MAP_FILE: z.string().min(1).optional(),
  HIPKI_URL: z.url().optional(),
  MOICA_UNLOCK_URL: z.url().default('http://moica.nat.gov.tw/html/unblockcard.htm#2'),
  GCA_UNLOCK_URL: z.url().default('https://gcaweb.nat.gov.tw/gcacms/04-04.html'),
  /** Outside production: make a test PKI in DATA_DIR and start the signing-component stand-in (README: demo cards). */
  HIPKI_DEV: bool.optional(),
  HIPKI_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(61161),
  /** 健保卡: the NHI component's WebSocket (its installer maps iccert.nhi.gov.tw to 127.0.0.1). */
  NHI_COMPONENT_URL: z.string().regex(/^wss?:\/\//, 'must start with ws:// or wss://').optional(),
  /** 健保卡 verification: `none` (production until an NHI agreement) or `local` (the stand-in; refused in production). */
  NHI_VERIFIER: z.enum(['none', 'local']).optional(),
  NHI_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(61162),
});

const fileList = (raw: string | undefined): string[] => (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((f) => resolve(f));

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/\d{1,3})?$/i;

/**
 * TRUST_PROXY: unset (or `false`/`0`) trusts no proxy; a number trusts that many hops; otherwise a comma list of
 * proxy addresses or CIDRs (`10.0.0.1,10.1.0.0/16`, `::1`). `X-Forwarded-For` counts only from those.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('Invalid configuration: TRUST_PROXY: a hop count must be 0 to 10');
    return hops;
  }
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((a) => !IPV4.test(a) && !IPV6.test(a) && !['loopback', 'linklocal', 'uniquelocal'].includes(a));
  if (bad !== undefined || list.length === 0) {
    throw new ConfigError(`Invalid configuration: TRUST_PROXY: "${bad ?? raw}" is not a hop count, an IP address or a CIDR`);
  }
  return list;
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly database: { readonly kind: 'pglite'; readonly dir: string } | { readonly kind: 'postgres'; readonly url: string; readonly preparedStatements: boolean };
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly storage:
    | { readonly driver: 'disk'; readonly dir: string }
    | {
        readonly driver: 's3';
        readonly bucket: string;
        readonly region: string;
        readonly endpoint?: string;
        readonly accessKeyId?: string;
        readonly secretAccessKey?: string;
        readonly forcePathStyle: boolean;
      };
  readonly sessionSecret: string;
  /** Key of the keyed hashes of personal data (national IDs) and of derived mail links; not the session secret. */
  readonly dataKey: string;
  /** The key before the last rotation: hashes under it are still recognised and re-hashed on use. */
  readonly dataKeyPrevious: string | undefined;
  readonly sessionIdleMinutes: number;
  readonly captchaTestCode: string | undefined;
  readonly roles: readonly Role[];
  readonly timeZone: 'Asia/Taipei';
  readonly seedDemo: boolean;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly uploadLimitBytes: number;
  /** APPLICATION_RETENTION_MONTHS (SYS-3). */
  readonly applicationRetentionMonths: number;
  readonly rateLimitPerMinute: number;
  /** PDF_THREADS: resume PDFs on a worker thread (1) or on the event loop (0) (platform/pdf/render-thread.ts). */
  readonly pdfThreads: number;
  /** SEARCH_PAGE_CACHE_MB in bytes: rendered search pages kept per web process (platform/http/page-cache.ts). */
  readonly searchPageCacheBytes: number;
  /** How long a confirmed 電子報 subscription lasts (PUB-5). */
  readonly newsletterMonths: number;
  /** How long an account activation link is valid (ACC-2). */
  readonly activationHours: number;
  /** Which proxies' X-Forwarded-For is believed (Fastify trustProxy); false: none (issue 9 item 3). */
  readonly trustProxy: false | number | readonly string[];
  /** Where to look first for the PDF fallback fonts (CJK Extension B; issue 11 item 3). */
  readonly pdfFallbackFontDir: string | undefined;
  /** ECPA-2 certificate sign-in (src/modules/ecpa/cards/README.md). */
  readonly cards: CardConfig;
}

export interface CardConfig {
  readonly rootFiles: readonly string[];
  readonly moicaCaFiles: readonly string[];
  readonly gcaCaFiles: readonly string[];
  /** CAs whose certificates are refused with their DN shown (政府測試憑證管理中心). */
  readonly testCaFiles: readonly string[];
  readonly crlLocations: readonly string[];
  readonly crlRefreshMinutes: number;
  readonly agencyOidMapFile: string | undefined;
  /** The person's local signing component (HiPKI 跨平台網頁元件). */
  readonly componentUrl: string;
  readonly unlockUrls: { readonly moica: string; readonly gca: string };
  /** HIPKI_DEV: the test PKI lives in devDir and the stand-ins listen on port / nhiPort (never in production). */
  readonly dev: { readonly dir: string; readonly port: number; readonly nhiPort: number } | null;
  /** 健保卡 (NHI card): the component's address and which verifier checks its answers. */
  readonly nhi: { readonly componentUrl: string; readonly verifier: 'none' | 'local' };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment into a frozen Config. Throws ConfigError with one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`FOO=`) counts as unset.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && e.CAPTCHA_TEST_CODE) {
    throw new ConfigError('Invalid configuration: CAPTCHA_TEST_CODE: must not be set when NODE_ENV=production');
  }
  if (isProduction && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET: required when NODE_ENV=production');
  }
  if (isProduction && !e.SMTP_URL) {
    throw new ConfigError('Invalid configuration: SMTP_URL: required when NODE_ENV=production (there is no dev mailbox in production)');
  }
  if (isProduction && !e.DATA_KEY) {
    throw new ConfigError('Invalid configuration: DATA_KEY: required when NODE_ENV=production');
  }
  if (isProduction && e.NHI_VERIFIER === 'local') {
    throw new ConfigError('Invalid configuration: NHI_VERIFIER: local (the stand-in) must not be used when NODE_ENV=production');
  }
  if (isProduction && e.HIPKI_DEV) {
    throw new ConfigError('Invalid configuration: HIPKI_DEV: must not be set when NODE_ENV=production');
  }
  if (e.STORAGE_DRIVER === 's3' && !e.S3_BUCKET) {
    throw new ConfigError('Invalid configuration: S3_BUCKET: required when STORAGE_DRIVER=s3');
  }
  const dataDir = resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const config: Config = {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    baseUrl,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, preparedStatements: e.DATABASE_PREPARED_STATEMENTS === '1' } : { kind: 'pglite', dir: join(dataDir, 'pglite') },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    storage:
      e.STORAGE_DRIVER === 's3'
        ? {
            driver: 's3',
            bucket: e.S3_BUCKET!,
            region: e.S3_REGION,
            ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
            ...(e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID } : {}),
            ...(e.S3_SECRET_ACCESS_KEY ? { secretAccessKey: e.S3_SECRET_ACCESS_KEY } : {}),
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : { driver: 'disk', dir: join(dataDir, 'files') },
    sessionSecret: e.SESSION_SECRET ?? localSecret(dataDir),
    dataKey: e.DATA_KEY ?? localSecret(dataDir, 'data-key'),
    dataKeyPrevious: e.DATA_KEY_PREVIOUS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    captchaTestCode: e.CAPTCHA_TEST_CODE,
    roles: [...new Set(e.ROLES)],
    // Schedules and calendar dates are always Taipei's, whatever TZ the host has.
    timeZone: 'Asia/Taipei',
    seedDemo: e.SEED_DEMO ?? !isProduction,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    applicationRetentionMonths: e.APPLICATION_RETENTION_MONTHS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    searchPageCacheBytes: e.SEARCH_PAGE_CACHE_MB * 1_048_576,
    pdfThreads: Number(e.PDF_THREADS ?? (e.NODE_ENV === 'test' ? '0' : '1')),
    newsletterMonths: e.NEWSLETTER_MONTHS,
    activationHours: e.ACTIVATION_HOURS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    pdfFallbackFontDir: e.PDF_FALLBACK_FONT_DIR === undefined ? undefined : resolve(e.PDF_FALLBACK_FONT_DIR),
    cards: cardConfig(e, dataDir),
  };
  return Object.freeze(config);
}

function cardConfig(e: z.output<typeof envSchema>, dataDir: string): CardConfig {
  // On by default where the demo data is (development with SEED_DEMO on: `npm start`), so the demo cards of README.md
  // work with no setting; HIPKI_DEV=0 turns it off; never in production (refused above) or in tests unless asked.
  const devOn = e.HIPKI_DEV ?? (e.NODE_ENV === 'development' && (e.SEED_DEMO ?? true));
  const dev = devOn ? { dir: join(dataDir, 'hipki-dev'), port: e.HIPKI_DEV_PORT, nhiPort: e.NHI_DEV_PORT } : null;
  // HIPKI_DEV without explicit files: the test PKI's files (written by src/main.ts before the app starts).
  const devFile = (f: string) => (dev ? [join(dev.dir, f)] : []);
  const list = (raw: string | undefined, f: string) => (raw ? fileList(raw) : devFile(f));
  return Object.freeze({
    rootFiles: list(e.CARD_ROOT_FILES, 'grca-root.pem'),
    moicaCaFiles: list(e.CARD_MOICA_CA_FILES, 'moica-ca.pem'),
    gcaCaFiles: list(e.CARD_GCA_CA_FILES, 'gca-ca.pem'),
    testCaFiles: list(e.CARD_TEST_CA_FILES, 'gtest-ca.pem'),
    crlLocations: e.CARD_CRL_LOCATIONS
      ? e.CARD_CRL_LOCATIONS.split(',').map((s) => s.trim()).filter(Boolean).map((l) => (/^https?:\/\//.test(l) ? l : resolve(l)))
      : dev
        ? ['moica.crl', 'gca.crl', 'gtest.crl'].map((f) => join(dev.dir, f))
        : [],
    crlRefreshMinutes: e.CARD_CRL_REFRESH_MINUTES,
    agencyOidMapFile: e.CARD_AGENCY_OID_MAP_FILE ? resolve(e.CARD_AGENCY_OID_MAP_FILE) : dev ? join(dev.dir, 'agency-oids.json') : undefined,
    componentUrl: (e.HIPKI_URL ?? `http://localhost:${dev ? dev.port : 61161}`).replace(/\/+$/, ''),
    unlockUrls: { moica: e.MOICA_UNLOCK_URL, gca: e.GCA_UNLOCK_URL },
    dev,
    nhi: {
      componentUrl: e.NHI_COMPONENT_URL ?? (dev ? `ws://localhost:${dev.nhiPort}/echo` : 'wss://iccert.nhi.gov.tw:7777/echo'),
      verifier: e.NHI_VERIFIER ?? (e.NODE_ENV === 'production' ? 'none' : 'local'),
    },
  });
}

/** Outside production the session secret and the data key are generated once and kept in DATA_DIR. */
function localSecret(dataDir: string, name = 'session-secret'): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * What a non-production process exposes, printed at start (issue 9 item 7). Empty in production.
 */
export function exposureWarnings(config: Config): string[] {
  if (config.isProduction) return [];
  const lines = [
    `NODE_ENV=${config.env}: this is a demonstration set-up, not for real users; listening on ${config.host}${config.host === '127.0.0.1' || config.host === 'localhost' || config.host === '::1' ? ' (this machine only)' : ' (reachable from other machines)'}`,
  ];
  if (!config.smtpUrl) lines.push('every mail (activation and password-reset links) is readable by anyone at /dev/mail');
  else lines.push('/dev/mail shows every mail sent (activation and password-reset links)');
  if (config.seedDemo) lines.push('demo accounts with the password published in README.md are seeded');
  if (config.captchaTestCode) lines.push('CAPTCHA_TEST_CODE is set: that code passes every captcha');
  return lines;
}

/** Where mail goes, for the start message (no credentials). */
export function mailDestination(config: Config): string {
  if (!config.smtpUrl) return 'no SMTP_URL: mail stays in the dev mailbox at /dev/mail';
  const u = new URL(config.smtpUrl);
  return `mail is sent through ${u.protocol}//${u.host}`;
}
