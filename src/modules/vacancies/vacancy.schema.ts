// Vacancies (職缺) and their attachments. Field names follow the DGPA open-data feed where one exists
// (see ../shared/docs/opendata-fields.md); free text is kept verbatim next to its parsed form.
import { sql, type SQL } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';

export type AccessMode = 'civil_service' | 'open' | 'none'; // 須具 / 不須具 / 不使用應徵者履歷調閱
export type ReviewStatus = 'approved' | 'flagged' | 'rejected';
export type VacancySource = 'form' | 'bulk_import' | 'opendata_import' | 'demo';
export type RankType = '簡任' | '薦任' | '委任' | '其他';

/** The text searched by keyword: title, agency, 資格條件, 工作項目 (PUB-1). */
export const SEARCH_TEXT_SQL: SQL = sql`lower(coalesce(title, '') || ' ' || coalesce(org_name, '') || ' ' || coalesce(work_quality, '') || ' ' || coalesce(work_item, ''))`;

export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    workId: text('work_id').notNull(), // 職缺編號: ROC yyyMM + 5-digit serial
    orgId: text('org_id'), // 徵才機關代碼 (ORG_ID); null when the feed gives only a name
    orgName: text('org_name').notNull(), // ORG_NAME verbatim
    fillerName: text('filler_name'),
    fillerEmail: text('filler_email'),
    fillerPhone: text('filler_phone'),
    orgAddress: text('org_address'),
    personKind: text('person_kind').notNull(), // PERSON_KIND text as published (人員區分)
    personKindCode: text('person_kind_code'),
    title: text('title').notNull(),
    rankText: text('rank_text').notNull().default(''), // RANK verbatim
    gradeMin: integer('grade_min'), // parsed 職等 range, 1..14
    gradeMax: integer('grade_max'),
    sysnamText: text('sysnam_text').notNull().default(''), // SYSNAM verbatim
    sysnamCode: text('sysnam_code'),
    numberOfText: text('number_of_text').notNull().default(''), // NUMBER_OF verbatim
    headcount: integer('headcount'), // parsed where possible
    reserveNum: text('reserve_num'), // RESERVE_NUM verbatim
    genderType: text('gender_type').notNull().default(''), // GENDER_TYPE verbatim
    gender: text('gender').$type<'M' | 'F' | 'any'>().notNull().default('any'),
    workPlaceText: text('work_place_text').notNull().default(''), // WORK_PLACE_TYPE verbatim
    workPlaces: text('work_places').array().notNull().default(sql`'{}'::text[]`), // county codes
    validFrom: date('valid_from', { mode: 'string' }).notNull(), // DATE_FROM
    validTo: date('valid_to', { mode: 'string' }).notNull(), // DATE_TO
    isHandicap: boolean('is_handicap').notNull().default(false), // 歡迎身心障礙者
    isOriginal: boolean('is_original').notNull().default(false), // 歡迎原住民族
    isLocalOriginal: boolean('is_local_original').notNull().default(false), // 原住民族地區之職缺
    isTraning: boolean('is_traning').notNull().default(false), // IS_TRANING (feed spelling); 地方創生借調 in the form
    isTransfer: boolean('is_transfer'), // IS_TRANSFER (newer feeds); null when absent
    typeText: text('type_text').notNull().default(''), // TYPE verbatim, e.g. 薦任,委任
    rankTypes: text('rank_types').array().$type<RankType[]>().notNull().default(sql`'{}'::text[]`),
    vitaeEmail: text('vitae_email').notNull().default(''), // 聯絡E-mail
    resumesByEmail: boolean('resumes_by_email').notNull().default(false),
    workQuality: text('work_quality').notNull().default(''), // 一、資格條件
    workItem: text('work_item').notNull().default(''), // 二、工作項目
    workAddress: text('work_address').notNull().default(''), // 三、工作地點
    contactMethod: text('contact_method').notNull().default(''), // 四、聯絡方式
    urlLink: text('url_link').notNull().default(''),
    viewUrl: text('view_url').notNull().default(''), // VIEW_URL as imported (the source's page)
    workType: text('work_type'), // Work_Type (應徵方式) in newer feeds
    accessMode: text('access_mode').$type<AccessMode>().notNull(),
    civilServiceSections: jsonb('civil_service_sections').$type<Record<string, unknown>>(),
    reviewStatus: text('review_status').$type<ReviewStatus>().notNull().default('approved'),
    reviewReason: text('review_reason'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedReason: text('deleted_reason'),
    takenDownAt: timestamp('taken_down_at', { withTimezone: true }), // 下架 by the back office (ADM-1)
    takenDownReason: text('taken_down_reason'), // the reason the agency sees
    source: text('source').$type<VacancySource>().notNull(),
    announceDate: date('announce_date', { mode: 'string' }), // ANNOUNCE_DATE of the feed it came from
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(), // 刊登日期
    searchText: text('search_text').generatedAlwaysAs(SEARCH_TEXT_SQL),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('vacancies_work_id_uq').on(t.workId),
    index('vacancies_valid_idx').on(t.validTo, t.validFrom),
    index('vacancies_posted_idx').on(t.postedAt),
    index('vacancies_org_idx').on(t.orgId),
    index('vacancies_review_idx').on(t.reviewStatus, t.postedAt),
    index('vacancies_work_places_idx').using('gin', t.workPlaces),
    index('vacancies_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('vacancies_search_bigram_idx').using('gin', sql`bigrams(${t.searchText})`),
  ],
);

export const vacancyAttachments = pgTable(
  'vacancy_attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    originalName: text('original_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vacancy_attachments_vacancy_idx').on(t.vacancyId)],
);

/** Per-month serial for 職缺編號 (work_id), taken under a row lock. */
export const workIdSerials = pgTable('work_id_serials', {
  yyyMM: text('yyymm').primaryKey(),
  last: integer('last').notNull().default(0),
});
