// SYS-2 / ADM-3: audit rows read as sentences with masked names; the CSV of a search (pure).
import { describe, expect, it } from 'vitest';
import { auditCsv, auditSentence, maskEmail, maskName, type AuditRow } from './audit-log.rules.ts';
import { parseAuditSearch } from './audit-log.query.ts';

const row = (over: Partial<AuditRow> = {}): AuditRow => ({
  id: 1,
  at: new Date('2026-12-03T14:20:00+08:00'),
  actorKind: 'staff',
  actorId: 'a',
  action: 'vacancy.take_down',
  subjectKind: 'vacancy',
  subjectId: 'v',
  details: {},
  ip: '10.0.0.1',
  staffName: '王小明',
  agencyName: '宜蘭縣政府',
  workId: '1151200012',
  ...over,
});

describe('SYS-2 audit sentences', () => {
  it('SYS-2 ADM-3 a row reads 「宜蘭縣政府 王○○ 於 115/12/03 14:20 下架職缺（職缺 1151200012）」', () => {
    expect(auditSentence(row())).toBe('宜蘭縣政府 王○○ 於 115/12/03 14:20 下架職缺（職缺 1151200012）');
    expect(auditSentence(row({ actorKind: 'applicant', staffName: null, applicantEmail: 'someone@example.tw', action: 'resume.pdf.download', subjectKind: null }))).toBe('應徵者 so***@example.tw 於 115/12/03 14:20 下載自己的履歷 PDF');
    expect(auditSentence(row({ actorKind: 'system', action: 'newsletter.digest', subjectKind: null }))).toBe('系統 於 115/12/03 14:20 寄出電子報');
    expect(auditSentence(row({ action: 'something.new', subjectKind: null }))).toBe('宜蘭縣政府 王○○ 於 115/12/03 14:20 執行 something.new');
  });

  it('SYS-2 ACS-2 a resume download reads as 調閱 of one applicant for the vacancy, without the applicant\'s name', () => {
    const r = row({ action: 'resume.download', subjectKind: 'application', subjectId: 'app-1', workId: null, details: { vacancyId: 'v', workId: '1151200012' } });
    expect(auditSentence(r)).toBe('宜蘭縣政府 王○○ 於 115/12/03 14:20 調閱應徵者履歷（應徵者 1 位，職缺 1151200012）');
    expect(auditSentence({ ...r, action: 'contacts.export', subjectKind: 'vacancy' })).toBe('宜蘭縣政府 王○○ 於 115/12/03 14:20 匯出應徵者聯絡資訊（職缺 1151200012）');
  });

  it('SYS-3 names and addresses are masked', () => {
    expect(maskName('王小明')).toBe('王○○');
    expect(maskName('歐陽小明')).toBe('歐○○○');
    expect(maskName('林')).toBe('林');
    expect(maskEmail('a@x.tw')).toBe('a***@x.tw');
    expect(maskEmail('someone@example.tw')).toBe('so***@example.tw');
  });

  it('SYS-2 the CSV export: UTF-8 BOM, CRLF, quoted cells, formula-guarded cells', () => {
    const csv = auditCsv([row({ ip: '=HYPERLINK("http://evil.example")', details: { reason: 'a,"b"' } })]);
    expect(csv.startsWith('\uFEFF時間,紀錄,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain('宜蘭縣政府 王○○ 於 115/12/03 14:20 下架職缺（職缺 1151200012）');
    expect(lines[1]).toContain('"{""reason"":""a,\\""b\\""""}"');
  });

  it('SYS-2 the search query is read leniently; bad dates, a reversed range and a bad IP are messages', () => {
    expect(parseAuditSearch({ from: '115/12/01', to: '115/12/03', action: ' vacancy. ', ip: '10.0.0.' })).toMatchObject({ from: '2026-12-01', to: '2026-12-03', action: 'vacancy.', ip: '10.0.0.', errors: {} });
    expect(parseAuditSearch({ from: '115/12/05', to: '115/12/03' }).errors.to).toContain('不可早於');
    expect(parseAuditSearch({ from: 'x' }).errors.from).toContain('民國日期');
    expect(parseAuditSearch({ ip: '<script>' }).errors.ip).toBeDefined();
    expect(parseAuditSearch({ actor: ['a', 'b'], page: '99999999' })).toMatchObject({ actor: '', page: 1 });
  });

  it('ADM-2 a code-table change reads as a sentence with the code, its name and what moved', () => {
    const update = row({
      action: 'code.sysnam.update',
      subjectKind: 'code_sysnam',
      subjectId: 'A101',
      details: { table: 'sysnam', code: 'A101', before: { name: '綜合行政', active: true }, after: { name: '綜合行政（新）', active: false }, changed: ['name', 'active'] },
    });
    expect(auditSentence(update)).toBe('宜蘭縣政府 王○○ 於 115/12/03 14:20 修改職系代碼（A101 綜合行政（新）；名稱：綜合行政 → 綜合行政（新）；啟用：是 → 否）');
    const off = row({ action: 'code.agency.deactivate', subjectKind: 'agency', subjectId: 'A58000000A', details: { code: 'A58000000A', before: { name: '行政院人事行政總處' }, after: { name: '行政院人事行政總處', active: false } } });
    expect(auditSentence(off)).toBe('宜蘭縣政府 王○○ 於 115/12/03 14:20 停用機關代碼（A58000000A 行政院人事行政總處）');
    expect(auditSentence(row({ action: 'code.person_kind.create', subjectKind: 'code_person_kind', subjectId: '77', details: { code: '77', before: null, after: { name: '測試' } } }))).toContain('新增人員區分代碼（77 測試）');
  });
});
