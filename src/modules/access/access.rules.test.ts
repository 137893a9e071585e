import { describe, expect, it } from 'vitest';
import { accessMessages, archiveErrorTexts } from './access.messages.ts';
import { archiveNames, checkArchive, maskId, normaliseIdFilter, type ArchiveCheck } from './access.rules.ts';

const zh = accessMessages('zh-TW');
const en = accessMessages('en');
const texts = (c: ArchiveCheck) => (c.ok ? {} : archiveErrorTexts(zh, c.errors));

const ready = (id: string) => [id, { id, status: 'active', resumeFileState: 'ready' }] as const;

describe('access rules', () => {
  it('ACS-1 masks an ID number as A1234*****; the filter is normalised', () => {
    expect(maskId('A123456789')).toBe('A1234*****');
    expect(maskId('')).toBe('');
    expect(normaliseIdFilter(' ａ123456789 ')).toBe('A123456789');
    expect(normaliseIdFilter(['x'])).toBe('');
  });

  it('ACS-2 at most 10 ticks, a strong password, every id active and ready', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `a${i}`);
    const found = new Map(ids.map(ready));
    expect(checkArchive(ids.slice(0, 10), 'Abcdef1!', found)).toEqual({ ok: true, ids: ids.slice(0, 10) });
    const eleven = checkArchive(ids, 'Abcdef1!', found);
    expect(eleven.ok).toBe(false);
    expect(texts(eleven).app).toBe('※ 每次調閱最多僅能調閱10個人員之履歷（您勾選了 11 位）');
    const weak = checkArchive(['a1'], 'abc', found);
    expect(texts(weak).password).toContain('至少 8');
    const empty = checkArchive([], '', found);
    expect([texts(empty).app, texts(empty).password]).toEqual(['請勾選要調閱履歷的人員', '請設定壓縮檔密碼']);
    const pending = checkArchive(['p'], 'Abcdef1!', new Map([['p', { id: 'p', status: 'active', resumeFileState: 'pending' }]]));
    expect(texts(pending).app).toContain('產製中');
    const other = checkArchive(['zz'], 'Abcdef1!', found);
    expect(texts(other).app).toContain('重新勾選');
  });

  it('ACS-2 the refusals read in English too, with every unmet part of the password rule', () => {
    const weak = checkArchive([], 'abc', new Map());
    expect(weak.ok ? {} : archiveErrorTexts(en, weak.errors)).toEqual({
      app: 'Tick the people whose resumes you want to download',
      password: 'The password needs at least 8 characters; The password needs an upper-case letter (A-Z); The password needs a digit (0-9); The password needs a symbol (e.g. !@#$%&*; a space does not count)',
    });
  });

  it('ACS-2 names inside the archive are neutral', () => {
    expect(archiveNames(0, '王小明證照.PDF')).toEqual({ resume: '01-resume.pdf', attachment: '01-attachment.pdf' });
    expect(archiveNames(9, null).attachment).toBe('10-attachment.bin');
  });
});
