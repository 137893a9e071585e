// The principals of the route matrix (SYS-4, issue 9) and their objects, inserted directly (faster than the
// captcha'd sign-in pages): an applicant and another applicant, agency HR staff of 宜蘭縣政府 (A) and 基隆市政府 (B),
// the back office and a serving civil servant. Each signs in by a session made with services.sessions.create.
import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { applicantAccounts } from '../../src/modules/accounts/account.schema.ts';
import { staffUsers, type StaffRole } from '../../src/modules/ecpa/staff.schema.ts';
import { applications } from '../../src/modules/applications/application.schema.ts';
import { resumes, resumeUploads } from '../../src/modules/resumes/resume.schema.ts';
import { vacancies, vacancyAttachments } from '../../src/modules/vacancies/vacancy.schema.ts';
import { enqueueMail } from '../../src/platform/outbox/outbox.ts';
import { cookieHeader, csrfFrom, type TestApp } from '../helpers/app.ts';

export const AGENCY_A = '376420000A'; // 宜蘭縣政府
export const AGENCY_B = '376570000A'; // 基隆市政府
export const DGPA = 'A58000000A'; // 行政院人事行政總處

export const ROLE_NAMES = ['anonymous', 'applicant', 'hrA', 'hrB', 'backoffice', 'civilServant'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface Actor {
  readonly name: RoleName | 'otherApplicant';
  readonly kind: 'applicant' | 'staff' | null;
  /** Account id (null: anonymous). */
  readonly id: string | null;
  readonly agencyCode: string | null;
  /** Its own address, so that per-IP rate limits of one actor never touch another's cells. */
  readonly ip: string;
  /** The CSRF secret cookie and a token for it (POSTs carry a valid token). */
  csrfCookie: string;
  csrfToken: string;
}

export async function insertApplicant(t: TestApp, email = `${randomUUID().slice(0, 8)}@example.com`): Promise<string> {
  const [row] = await t.services.db.insert(applicantAccounts).values({ email, passwordHash: 'not-used', status: 'active' }).returning({ id: applicantAccounts.id });
  return row!.id;
}

export async function insertStaff(t: TestApp, agencyCode: string, roles: StaffRole[]): Promise<string> {
  const account = `matrix.${randomUUID().slice(0, 8)}`;
  const [row] = await t.services.db.insert(staffUsers).values({ account, name: '矩陣測試', agencyCode, roles, passwordHash: null }).returning({ id: staffUsers.id });
  return row!.id;
}

let ipSerial = 10;
async function actor(t: TestApp, name: Actor['name'], kind: Actor['kind'], id: string | null, agencyCode: string | null): Promise<Actor> {
  const a: Actor = { name, kind, id, agencyCode, ip: `10.9.0.${ipSerial++}`, csrfCookie: '', csrfToken: '' };
  const page = await t.app.inject({ url: '/newsletter', remoteAddress: a.ip });
  a.csrfToken = csrfFrom(page.body);
  a.csrfCookie = cookieHeader(page);
  return a;
}

export type Actors = Record<RoleName | 'otherApplicant', Actor>;

export async function makeActors(t: TestApp): Promise<Actors> {
  return {
    anonymous: await actor(t, 'anonymous', null, null, null),
    applicant: await actor(t, 'applicant', 'applicant', await insertApplicant(t), null),
    otherApplicant: await actor(t, 'otherApplicant', 'applicant', await insertApplicant(t), null),
    hrA: await actor(t, 'hrA', 'staff', await insertStaff(t, AGENCY_A, ['agency_hr']), AGENCY_A),
    hrB: await actor(t, 'hrB', 'staff', await insertStaff(t, AGENCY_B, ['agency_hr']), AGENCY_B),
    backoffice: await actor(t, 'backoffice', 'staff', await insertStaff(t, DGPA, ['backoffice']), DGPA),
    civilServant: await actor(t, 'civilServant', 'staff', await insertStaff(t, DGPA, ['civil_servant']), DGPA),
  };
}

/** The Cookie header of a fresh session of `a` (a cell may sign out or change things: each gets its own). */
export async function cookieOf(t: TestApp, a: Actor): Promise<string> {
  if (!a.kind || !a.id) return a.csrfCookie;
  const { token } = await t.services.sessions.create({ principal: { kind: a.kind, id: a.id, method: '帳號' } });
  return `${a.csrfCookie}; sid=${token}`;
}

// ---- objects ----

let workSerial = 0;
/** A published vacancy of `agencyCode` (open: 不須具), valid around the test clock's today. */
export async function insertVacancy(t: TestApp, agencyCode: string, over: Partial<typeof vacancies.$inferInsert> = {}): Promise<{ id: string; workId: string }> {
  const today = t.services.clock.today();
  const workId = `11506${String(90000 + workSerial++).padStart(5, '0')}`;
  const [row] = await t.services.db
    .insert(vacancies)
    .values({
      workId,
      orgId: agencyCode,
      orgName: agencyCode === AGENCY_A ? '宜蘭縣政府' : '基隆市政府',
      personKind: '約僱人員',
      title: '矩陣測試職缺',
      validFrom: today,
      validTo: today.replace(/^(\d{4})/, (y) => String(Number(y) + 1)),
      accessMode: 'open',
      source: 'form',
      ...over,
    })
    .returning({ id: vacancies.id, workId: vacancies.workId });
  return row!;
}

export async function insertVacancyAttachment(t: TestApp, vacancyId: string): Promise<string> {
  const key = `vacancies/matrix/${randomUUID()}.pdf`;
  await t.services.storage.put(key, Buffer.from('%PDF-1.4\n%%EOF\n'), { contentType: 'application/pdf' });
  const [row] = await t.services.db.insert(vacancyAttachments).values({ vacancyId, fileKey: key, originalName: '簡章.pdf', contentType: 'application/pdf', size: 15 }).returning({ id: vacancyAttachments.id });
  return row!.id;
}

/** A staged photo of the applicant (resume_uploads), with its file stored. */
export async function insertStagedPhoto(t: TestApp, applicantId: string, bytes: Buffer = randomBytes(64)): Promise<string> {
  const key = `resumes/photos/matrix-${randomUUID()}.jpg`;
  await t.services.storage.put(key, bytes, { contentType: 'image/jpeg' });
  const [row] = await t.services.db
    .insert(resumeUploads)
    .values({ applicantId, kind: 'photo', fileKey: key, originalName: 'photo.jpg', contentType: 'image/jpeg', size: bytes.byteLength })
    .returning({ id: resumeUploads.id });
  return row!.id;
}

/** A saved resume of the applicant with a photo and an attachment (their bytes given, to tell people apart). */
export async function insertResume(t: TestApp, applicantId: string, files: { photo: Buffer; attachment: Buffer }): Promise<string> {
  const photoKey = `resumes/photos/matrix-${randomUUID()}.jpg`;
  const attachmentKey = `resumes/attachments/matrix-${randomUUID()}.pdf`;
  await t.services.storage.put(photoKey, files.photo, { contentType: 'image/jpeg' });
  await t.services.storage.put(attachmentKey, files.attachment, { contentType: 'application/pdf' });
  const [row] = await t.services.db
    .insert(resumes)
    .values({
      applicantId,
      idNumberHash: `matrix-${randomUUID()}`,
      basic: { chineseName: '矩陣', gender: 'F', birthDate: '1990-01-01', email: 'm@example.com' },
      photoKey,
      attachmentKey,
      attachmentName: '證照.pdf',
      attachmentType: 'application/pdf',
      attachmentSize: files.attachment.byteLength,
    })
    .returning({ id: resumes.id });
  return row!.id;
}

export async function insertMail(t: TestApp): Promise<string> {
  const [id] = await enqueueMail(t.services.db, { to: 'someone@example.com', subject: '矩陣測試', text: '內容' });
  return id!;
}

/** A real JPEG whose colour tells its owner apart. */
export async function jpegOf(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 80, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** An active application of the applicant to a fresh open vacancy, with an attachment copy stored. */
/** An application of `ownerId`: an applicant's (platform) or, with `staff`, a civil servant's (DK, ECPA-5). */
export async function insertApplication(t: TestApp, ownerId: string, opts: { staff?: boolean } = {}): Promise<string> {
  const v = await insertVacancy(t, AGENCY_A, { accessMode: opts.staff ? 'civil_service' : 'open' });
  const key = `applications/attachment/matrix-${randomUUID()}`;
  await t.services.storage.put(key, Buffer.from('%PDF-1.4\n%%EOF\n'), { contentType: 'application/pdf' });
  const [row] = await t.services.db
    .insert(applications)
    .values({
      vacancyId: v.id,
      ...(opts.staff ? { staffUserId: ownerId } : { applicantId: ownerId }),
      appliedAt: new Date(),
      consentVersion: 'v1',
      consentAt: new Date(),
      resumeSnapshot: { v: 1, resumeId: randomUUID(), savedAt: new Date().toISOString(), data: { basic: { chineseName: '矩陣', email: 'matrix@example.tw' } } as never, attachmentName: '附件.pdf' },
      attachFiles: true,
      attachmentKey: key,
      attachmentName: '附件.pdf',
      attachmentType: 'application/pdf',
      attachmentSize: 15,
    })
    .returning({ id: applications.id });
  return row!.id;
}
