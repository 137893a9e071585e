// PUB-2 job page rules: pure functions, no I/O and no clock of their own.
import { currentWorkPlaceCode, workPlaceName } from '../../reference/index.ts';
import { toIsoDate } from '../../../platform/tw/roc-date.ts';
import type { AccessMode, vacancies } from '../vacancy.schema.ts';

export type VacancyRow = typeof vacancies.$inferSelect;

/** 職缺編號: ROC yyyMM + 5-digit serial, always 10 digits. Anything else is not a job (404). */
export function isWellFormedWorkId(s: string): boolean {
  return /^\d{10}$/.test(s);
}

/** An attachment id is a UUID; anything else is a 404 (and never reaches the database). */
export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

export type Availability = 'published' | 'not-found' | 'deleted' | 'withdrawn' | 'expired';

/**
 * Whether the public may see a job today. Published = approved ∧ not deleted ∧ valid_from ≤ today ≤ valid_to
 * (DOMAIN.md). Not approved (flagged, rejected) and not yet open are 'not-found': the job was never public,
 * so the page does not even say it exists. Deleted, taken down (下架 by the back office, ADM-1: 'withdrawn', shown
 * with a neutral text) and expired ones were public: they are 'gone' (410).
 */
export function availability(v: Pick<VacancyRow, 'reviewStatus' | 'deletedAt' | 'validFrom' | 'validTo'> & { takenDownAt?: Date | null } | null, today: string): Availability {
  if (!v || v.reviewStatus !== 'approved') return 'not-found';
  if (v.deletedAt) return 'deleted';
  if (v.takenDownAt) return 'withdrawn';
  if (v.validFrom > today) return 'not-found';
  if (v.validTo < today) return 'expired';
  return 'published';
}

/** The canonical apply URL, encoded in the QR code: `${baseUrl}/jobs/<workId>/apply`. */
export function applyUrl(baseUrl: string, workId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/jobs/${encodeURIComponent(workId)}/apply`;
}

export function jobPath(workId: string): string {
  return `/jobs/${encodeURIComponent(workId)}`;
}

/** Where 【我要應徵】 leads (PUB-2): open → applicant platform, civil service → eCPA 職缺應徵, none → how to apply. */
export function applyTarget(mode: AccessMode, workId: string): string {
  const id = encodeURIComponent(workId);
  switch (mode) {
    case 'open':
      return `/platform/apply/${id}`;
    case 'civil_service':
      return `/ecpa/dk/apply/${id}`;
    case 'none':
      return `${jobPath(workId)}#how-to-apply`;
  }
}

export type SpecialCondition = 'handicap' | 'original' | 'localOriginal' | 'training';

/** The 特殊條件 that apply, in the order of the posting form (AGY-2). */
export function specialConditions(v: Pick<VacancyRow, 'isHandicap' | 'isOriginal' | 'isLocalOriginal' | 'isTraning'>): SpecialCondition[] {
  const out: SpecialCondition[] = [];
  if (v.isHandicap) out.push('handicap');
  if (v.isOriginal) out.push('original');
  if (v.isLocalOriginal) out.push('localOriginal');
  if (v.isTraning) out.push('training');
  return out;
}

/** 工作地點 as names from the code table (historical codes by their own name), else the text as published. */
export function workPlaceNames(v: Pick<VacancyRow, 'workPlaces' | 'workPlaceText'>): string {
  const names = v.workPlaces.map((c) => workPlaceName(c) ?? c);
  return names.length ? names.join('、') : v.workPlaceText.replace(/^,+/, '').replace(/,/g, '、');
}

/** 1,234 bytes → "1.2 KB"; below 1 KB in bytes; one decimal, trailing ".0" dropped. */
export function formatFileSize(bytes: number): string {
  const trim = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const EXT_BY_TYPE: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/zip': 'zip',
};

/** The extension a download gets: from the stored (sniffed) content type, else the original name's, else bin. */
export function downloadExtension(contentType: string, originalName: string): string {
  const known = EXT_BY_TYPE[contentType.split(';')[0]!.trim().toLowerCase()];
  if (known) return known;
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(originalName);
  return m ? m[1]!.toLowerCase() : 'bin';
}

/** An address fit for a mailto: link (one plain address), else null — shown as text then. */
export function mailtoAddress(s: string): string | null {
  const t = s.trim();
  return /^[^\s@<>"'(),;:\\]+@[^\s@<>"'(),;:\\]+\.[^\s@<>"'(),;:\\]+$/.test(t) ? t : null;
}

/** An http(s) URL fit for a link, else null (javascript:, data: and the like are never links). */
export function httpUrl(s: string): string | null {
  const t = s.trim();
  if (!/^https?:\/\//i.test(t)) return null;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

// ── schema.org JobPosting ───────────────────────────────────────────────────────

export type EmploymentType = 'FULL_TIME' | 'PART_TIME' | 'TEMPORARY' | 'INTERN';

const BY_PERSON_KIND: Record<string, EmploymentType> = {
  兼任教師: 'PART_TIME',
  實習老師: 'INTERN',
  代理教師: 'TEMPORARY',
  代課教師: 'TEMPORARY',
  不占缺代理教師: 'TEMPORARY',
  約僱人員: 'TEMPORARY',
};

/**
 * schema.org employmentType where the posting says it: 兼任教師 part time, 實習老師 intern, 代理/代課教師 and
 * 約僱人員 (fixed-term hires) temporary, a civil-service post with a 官等 (簡任/薦任/委任) full time.
 * Anything else (其他人員, 工友, 聘用人員…) is not derivable and left out.
 */
export function employmentTypeOf(v: Pick<VacancyRow, 'personKind' | 'accessMode' | 'rankTypes'>): EmploymentType | null {
  const byKind = BY_PERSON_KIND[v.personKind.normalize('NFKC').replace(/\s+/g, '')];
  if (byKind) return byKind;
  if (v.accessMode === 'civil_service' && v.rankTypes.some((r) => r !== '其他')) return 'FULL_TIME';
  return null;
}

const REGION_OF: Record<string, { region: string; locality?: string }> = {
  '101': { region: '南投縣', locality: '中興新村' },
};

function jobLocations(workPlaces: readonly string[]): object[] {
  const seen = new Set<string>();
  const places: object[] = [];
  for (const code of workPlaces) {
    const current = currentWorkPlaceCode(code);
    if (!current || current === '99' || seen.has(current)) continue; // 99 跨縣市 names no region
    seen.add(current);
    const r = REGION_OF[current] ?? { region: workPlaceName(current) ?? '' };
    if (!r.region) continue;
    places.push({
      '@type': 'Place',
      address: { '@type': 'PostalAddress', ...(r.locality ? { addressLocality: r.locality } : {}), addressRegion: r.region, addressCountry: 'TW' },
    });
  }
  return places.length ? places : [{ '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'TW' } }];
}

/** The JobPosting object (https://schema.org/JobPosting); dates ISO 8601, validThrough end of day in Taipei. */
export function jobPostingData(v: VacancyRow, opts: { url: string }): Record<string, unknown> {
  const description = [
    v.workQuality.trim() ? `一、資格條件\n${v.workQuality.trim()}` : '',
    v.workItem.trim() ? `二、工作項目\n${v.workItem.trim()}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const employmentType = employmentTypeOf(v);
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: v.title,
    description: description || v.title,
    datePosted: toIsoDate(v.postedAt),
    validThrough: `${v.validTo}T23:59:59+08:00`,
    hiringOrganization: { '@type': 'Organization', name: v.orgName },
    jobLocation: jobLocations(v.workPlaces),
    ...(employmentType ? { employmentType } : {}),
    ...(v.headcount !== null && v.headcount > 0 ? { totalJobOpenings: v.headcount } : {}),
    identifier: { '@type': 'PropertyValue', name: v.orgName, value: v.workId },
    directApply: false,
    url: opts.url,
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` as \u escapes so that no text
 * can close the element or open a comment; U+2028/2029 too. The result still parses as the same JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
