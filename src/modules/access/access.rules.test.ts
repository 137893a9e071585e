import { describe, expect, it } from 'vitest';
import { archiveNames, checkArchive, maskId, normaliseIdFilter } from './access.rules.ts';

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
    if (!eleven.ok) expect(eleven.errors.app).toContain('每次調閱最多僅能調閱10個人員之履歷');
    const weak = checkArchive(['a1'], 'abc', found);
    expect(weak.ok || weak.errors.password).toContain('至少 8');
    const empty = checkArchive([], '', found);
    expect(empty.ok || [empty.errors.app, empty.errors.password]).toEqual(['請勾選要調閱履歷的人員', '請設定壓縮檔密碼']);
    const pending = checkArchive(['p'], 'Abcdef1!', new Map([['p', { id: 'p', status: 'active', resumeFileState: 'pending' }]]));
    expect(pending.ok || pending.errors.app).toContain('產製中');
    const other = checkArchive(['zz'], 'Abcdef1!', found);
    expect(other.ok || other.errors.app).toContain('重新勾選');
  });

  it('ACS-2 names inside the archive are neutral', () => {
    expect(archiveNames(0, '王小明證照.PDF')).toEqual({ resume: '01-resume.pdf', attachment: '01-attachment.pdf' });
    expect(archiveNames(9, null).attachment).toBe('10-attachment.bin');
  });
});
