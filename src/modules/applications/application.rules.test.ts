import { describe, expect, it } from 'vitest';
import { addMonths, applyRefusal, basketOf, cancelRefusal, mayDeleteRecord, mayDownloadAttachment, resumeFileDigest, retentionCutoff, retryDelaySeconds, statusStep, vacancyState } from './application.rules.ts';

const open = { accessMode: 'open', reviewStatus: 'approved', deletedAt: null, takenDownAt: null, validFrom: '2026-06-01', validTo: '2026-06-30' };

describe('application rules', () => {
  it('APP-2 only published 不須具 jobs inside their validity may be applied to', () => {
    expect(applyRefusal(open, '2026-06-15')).toBeNull();
    expect(applyRefusal(open, '2026-06-30')).toBeNull();
    expect(applyRefusal(null, '2026-06-15')).toBe('not-found');
    expect(applyRefusal({ ...open, accessMode: 'civil_service' }, '2026-06-15')).toBe('not-open');
    expect(applyRefusal({ ...open, accessMode: 'none' }, '2026-06-15')).toBe('not-open');
    expect(applyRefusal({ ...open, deletedAt: new Date() }, '2026-06-15')).toBe('deleted');
    expect(applyRefusal({ ...open, takenDownAt: new Date() }, '2026-06-15')).toBe('deleted');
    expect(applyRefusal(open, '2026-07-01')).toBe('expired');
    expect(applyRefusal(open, '2026-05-31')).toBe('not-published');
    expect(applyRefusal({ ...open, reviewStatus: 'flagged' }, '2026-06-15')).toBe('not-published');
  });

  it('APP-4 已刪除 / 已到期 are derived and close the attachment download', () => {
    expect(vacancyState(open, '2026-06-30')).toBe('open');
    expect(vacancyState(open, '2026-07-01')).toBe('expired');
    expect(vacancyState({ ...open, deletedAt: new Date() }, '2026-06-15')).toBe('deleted');
    expect(mayDownloadAttachment({ attachmentKey: 'k' }, open, '2026-06-15')).toBe(true);
    expect(mayDownloadAttachment({ attachmentKey: null }, open, '2026-06-15')).toBe(false);
    expect(mayDownloadAttachment({ attachmentKey: 'k' }, open, '2026-07-01')).toBe(false);
    expect(mayDownloadAttachment({ attachmentKey: 'k' }, { ...open, deletedAt: new Date() }, '2026-06-15')).toBe(false);
  });

  it('APP-4 ADM-1 a job taken down by the back office is 已刪除 to the applicant (also after its validity) and closes the download', () => {
    const down = { ...open, takenDownAt: new Date() };
    expect(vacancyState(down, '2026-06-15')).toBe('deleted');
    expect(vacancyState(down, '2026-07-01')).toBe('deleted');
    expect(mayDownloadAttachment({ attachmentKey: 'k' }, down, '2026-06-15')).toBe(false);
    expect(cancelRefusal({ status: 'active' }, down, '2026-06-15')).toBe('vacancy-deleted');
  });

  it('APP-5 only an active application of an open job may be cancelled', () => {
    expect(cancelRefusal({ status: 'active' }, open, '2026-06-15')).toBeNull();
    expect(cancelRefusal({ status: 'cancelled' }, open, '2026-06-15')).toBe('not-active');
    expect(cancelRefusal({ status: 'active' }, open, '2026-07-01')).toBe('vacancy-expired');
    expect(cancelRefusal({ status: 'active' }, { ...open, deletedAt: new Date() }, '2026-06-15')).toBe('vacancy-deleted');
  });

  it('APP-6 SYS-3 a record is deletable 12 months after the validity ended; retention counts months back from today', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-03-15', -36)).toBe('2023-03-15');
    expect(mayDeleteRecord(open, '2027-06-29')).toBe(false);
    expect(mayDeleteRecord(open, '2027-06-30')).toBe(true);
    expect(retentionCutoff('2029-07-01', 36)).toBe('2026-07-01');
  });

  it('APP-4 the status line: 已送出 → 機關已調閱, or cancelled', () => {
    expect(statusStep({ status: 'active', viewedAt: null })).toBe('sent');
    expect(statusStep({ status: 'active', viewedAt: new Date() })).toBe('viewed');
    expect(statusStep({ status: 'cancelled', viewedAt: new Date() })).toBe('cancelled');
  });

  it('GEN-1 failed files are retried with growing delays, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelaySeconds)).toEqual([30, 120, 480, 1920, 3600, 3600]);
  });

  it('APP-2 the list keeps well-formed 職缺編號 once each, in order, at most 20', () => {
    expect(basketOf(['1150600001', 'x', '1150600001', 42, '1150600002'])).toEqual(['1150600001', '1150600002']);
    expect(basketOf(Array.from({ length: 30 }, (_, i) => `11506${String(i).padStart(5, '0')}`))).toHaveLength(20);
  });

  it('GEN-1 the resume file digest: the same content gives the same digest; any section, the attachment name or the photo changes it', () => {
    const base = { data: { basic: { chineseName: '林小華', phone: '0912-345-678' }, education: [] }, attachmentName: '證照.pdf', photoKey: 'resumes/photo/a.jpg' };
    const d = resumeFileDigest(base);
    expect(resumeFileDigest(structuredClone(base))).toBe(d);
    expect(resumeFileDigest({ ...base, data: { ...base.data, basic: { chineseName: '林小華', phone: '0987-654-321' } } })).not.toBe(d);
    expect(resumeFileDigest({ ...base, attachmentName: null })).not.toBe(d);
    expect(resumeFileDigest({ ...base, photoKey: 'resumes/photo/b.jpg' })).not.toBe(d);
    expect(d).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
