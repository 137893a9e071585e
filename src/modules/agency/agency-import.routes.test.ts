// 機關徵才匯入 (AGY-7) end to end over HTTP on both databases: templates, 檢查 with errors by row and column,
// preview, 確認匯入 in one transaction, and the bad files.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { addDays, formatRoc } from '../../platform/tw/roc-date.ts';
import { createAgency, createStaff, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { vacancies } from '../vacancies/index.ts';
import { IMPORT_COLUMNS } from './agency-import.columns.ts';
import { agencyImportBatches } from './agency-import.schema.ts';
import { fillTemplate, plainSheet, uploadImport, validRow, type RowValues } from './agency-import.test-support.ts';
import type { SheetKind } from './agency-import.sheet.ts';

describe.each(dbDrivers())('機關徵才匯入 (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;
  const today = () => h.current.services.clock.today();

  async function staffClient() {
    const agency = await createAgency(db(), { address: '宜蘭縣宜蘭市縣政北路1號' });
    const staff = await createStaff(db(), { agencyCode: agency.code, name: '林人事' });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { agency, staff, c };
  }

  async function template(c: HttpClient, kind: SheetKind): Promise<Buffer> {
    const res = await c.get(`/agency/import/template.${kind}`);
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  }

  async function upload(c: HttpClient, bytes: Uint8Array, name: string) {
    await c.get('/agency/import');
    return uploadImport(h.current.app, c, bytes, name);
  }

  const countOf = async (code: string) => (await db().select({ n: count() }).from(vacancies).where(eq(vacancies.orgId, code)))[0]!.n;

  it.each(['xlsx', 'ods', 'csv'] as const)('AGY-7 template round trip (%s): download → fill 3 rows → 檢查 → preview → 確認匯入 → 3 vacancies, each with its own 職缺編號, bulk_import, checked and audited', async (kind) => {
    const { agency, staff, c } = await staffClient();
    const page = await c.get('/agency/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('>檔案');
    expect(page.body).toContain('/agency/import/template.ods');
    const list = await c.get('/agency');
    expect(list.body).toContain('href="/agency/import"');

    const rows: RowValues[] = [
      validRow(today(), 1),
      // real date cells (not in CSV, where every cell is text)
      validRow(today(), 2, kind === 'csv' ? {} : { validFrom: new Date(`${today()}T00:00:00Z`), validTo: new Date(`${addDays(today(), 30)}T00:00:00Z`) }),
      validRow(today(), 3, { workQuality: '限35歲以下，高中以上學歷。', personKindCode: '01 司法人員', rankTypes: '委任', grade: '3-5', sysnamCode: 'A101', accessMode: '須具公務人員任用資格職缺', csAll: '是' }),
    ];
    const filled = fillTemplate(await template(c, kind), kind, rows);
    const checked = await upload(c, filled, `職缺.${kind}`);
    expect(checked.statusCode, checked.body.slice(0, 3000)).toBe(303);
    expect(await countOf(agency.code)).toBe(0); // nothing before 確認匯入
    const preview = await c.get(String(checked.headers.location));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('約僱人員（行政助理3）');
    expect(preview.body).toContain('確認匯入 3 個職缺');
    expect(preview.body).toContain('待審核');

    const done = await c.post(String(checked.headers.location), {});
    expect(done.statusCode).toBe(303);
    const made = await db().select().from(vacancies).where(eq(vacancies.orgId, agency.code));
    expect(made).toHaveLength(3);
    expect(new Set(made.map((v) => v.workId)).size).toBe(3);
    for (const v of made) expect(v.source).toBe('bulk_import');
    const byTitle = Object.fromEntries(made.map((v) => [v.title, v]));
    expect(byTitle['約僱人員（行政助理1）']).toMatchObject({ reviewStatus: 'approved', workPlaces: ['26', '20'], isHandicap: true, isOriginal: false, fillerPhone: '03-9251000#123', accessMode: 'open', headcount: 1 });
    if (kind !== 'csv') expect(byTitle['約僱人員（行政助理2）']!.validTo).toBe(addDays(today(), 30));
    expect(byTitle['約僱人員（行政助理3）']).toMatchObject({ reviewStatus: 'flagged', personKindCode: '01', gradeMin: 3, gradeMax: 5, sysnamCode: 'A101', accessMode: 'civil_service' });
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'vacancy.create'), eq(auditEvents.actorId, staff.id)));
    expect(audits).toHaveLength(3);
    expect((await db().select().from(agencyImportBatches)).length).toBe(0);
    // A second 確認匯入 of the same batch finds nothing.
    expect((await c.post(String(checked.headers.location), {})).statusCode).toBe(404);
    expect(await countOf(agency.code)).toBe(3);
  });

  it('AGY-7 one bad row: errors by row and column, nothing imported; the fixed file imports every row', async () => {
    const { agency, c } = await staffClient();
    const t = await template(c, 'xlsx');
    const rows = [validRow(today(), 1), validRow(today(), 2, { validFrom: formatRoc(addDays(today(), 10)), validTo: formatRoc(addDays(today(), 5)), headcount: 0 }), validRow(today(), 3)];
    const bad = await upload(c, fillTemplate(t, 'xlsx', rows), '職缺.xlsx');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('第 3 列「名額」名額請填 1 到 999 的整數');
    expect(bad.body).toContain('第 3 列「上網有效期間」迄日早於起日');
    expect(bad.body).toContain('<caption id="import-errors-caption">錯誤清單（共 2 個）</caption>');
    expect(bad.body).toContain('沒有匯入任何職缺');
    expect(await countOf(agency.code)).toBe(0);
    expect((await db().select().from(agencyImportBatches)).length).toBe(0);

    rows[1] = validRow(today(), 2, { validFrom: formatRoc(addDays(today(), 10)), validTo: formatRoc(addDays(today(), 5)) });
    const reversed = await upload(c, fillTemplate(t, 'xlsx', rows), '職缺.xlsx');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.body).toContain('第 3 列「上網有效期間」迄日早於起日');

    rows[1] = validRow(today(), 2);
    const ok = await upload(c, fillTemplate(t, 'xlsx', rows), '職缺.xlsx');
    expect(ok.statusCode).toBe(303);
    expect((await c.post(String(ok.headers.location), {})).statusCode).toBe(303);
    expect(await countOf(agency.code)).toBe(3);
    expect((await c.get('/agency')).body).toContain('已匯入 3 個職缺');
  });

  it('AGY-7 SYS-4 bad files get clear messages and create nothing: not a spreadsheet, empty, over 5 MB, not UTF-8, no rows, 5,001 rows, formulas, merged cells, text dates, unknown codes', async () => {
    const { agency, c } = await staffClient();
    const t = await template(c, 'xlsx');
    const header = IMPORT_COLUMNS.map((x) => x.label);
    const cases: [string, Uint8Array, string, number][] = [
      ['a PNG named .xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'x.xlsx', 422],
      ['an HTML page named .csv', Buffer.from('<html><body>hi</body></html>'), 'x.csv', 422],
      ['a zip that is no spreadsheet', plainZip(), 'x.xlsx', 422],
      ['an empty file', Buffer.alloc(0), 'x.xlsx', 422],
    ];
    for (const [what, bytes, name] of cases) {
      const res = await upload(c, bytes, name);
      expect(res.statusCode, what).toBe(422);
      expect(res.body, what).toMatch(/檔案不是試算表|檔案是空的|請選擇要上傳的檔案/);
    }
    const tooBig = await upload(c, Buffer.concat([t, Buffer.alloc(5 * 1024 * 1024)]), 'big.xlsx');
    expect(tooBig.body).toContain('檔案超過 5 MB');
    const big5 = await upload(c, Buffer.from([0xa4, 0xa4, 0xa4, 0xe5, 0x2c, 0x0d, 0x0a]), 'big5.csv');
    expect(big5.body).toContain('CSV 檔案請以 UTF-8 編碼儲存');
    const noRows = await upload(c, t, 'x.xlsx');
    expect(noRows.body).toContain('檔案沒有資料列');
    const big = plainSheet('csv', [header, ...Array.from({ length: 5_001 }, () => header.map(() => 'x'))]);
    expect((await upload(c, big, 'big.csv')).body).toContain('資料超過 5,000 列');
    const formula = await upload(c, fillTemplate(t, 'xlsx', [validRow(today(), 1, { headcount: { formula: '1+1', value: 2 } })]), 'f.xlsx');
    expect(formula.body).toContain('第 2 列「名額」是公式');
    const merged = await upload(c, fillTemplate(t, 'xlsx', [validRow(today(), 1), validRow(today(), 2)], { merge: 'A2:A3' }), 'm.xlsx');
    expect(merged.body).toContain('檔案有合併儲存格（A2:A3）');
    const textDates = await upload(c, fillTemplate(t, 'xlsx', [validRow(today(), 1, { validFrom: '2026/01/05', validTo: '1/31/2026' })]), 'd.xlsx');
    expect(textDates.body).toContain('第 2 列「上網有效期間（起）」「2026/01/05」不是日期：請使用日期儲存格，或以民國日期文字 yyy/mm/dd 填寫（例如 108/06/17）');
    expect(textDates.body).toContain('第 2 列「上網有效期間（迄）」「1/31/2026」不是日期');
    const codes = await upload(c, fillTemplate(t, 'xlsx', [validRow(today(), 1, { personKindCode: '77', workPlaces: '26、11', sysnamCode: 'Z999' })]), 'c.xlsx');
    expect(codes.body).toContain('第 2 列「人員區分」代碼「77」不在代碼表');
    expect(codes.body).toContain('第 2 列「工作地」工作地代碼「11」不在代碼表');
    expect(codes.body).toContain('第 2 列「職系」代碼「Z999」不在代碼表');
    const wrongHeader = await upload(c, plainSheet('xlsx', [['姓名', '電話'], ['a', 'b']]), 'h.xlsx');
    expect(wrongHeader.body).toContain('第 1 列不是範本的標題列');
    expect(await countOf(agency.code)).toBe(0);
    expect((await db().select().from(agencyImportBatches)).length).toBe(0);
  });

  it('AGY-7 SYS-4 a batch is only its own staff member’s: another staff member of another agency, or a malformed id, gets 404', async () => {
    const a = await staffClient();
    const b = await staffClient();
    const ok = await upload(a.c, fillTemplate(await template(a.c, 'csv'), 'csv', [validRow(today(), 1)]), 'x.csv');
    expect(ok.statusCode).toBe(303);
    const url = String(ok.headers.location);
    expect((await b.c.get(url)).statusCode).toBe(404);
    await b.c.get('/agency/import');
    expect((await b.c.post(url, {})).statusCode).toBe(404);
    expect((await a.c.get('/agency/import/not-a-uuid')).statusCode).toBe(404);
    expect(await countOf(b.agency.code)).toBe(0);
    expect(await countOf(a.agency.code)).toBe(0);
  });
});

/** A zip with one text entry (stored, no compression): zip magic, no spreadsheet inside. */
function plainZip(): Buffer {
  const name = Buffer.from('a.txt');
  const data = Buffer.from('hello');
  const crc = 0x3610a686; // crc32('hello')
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
