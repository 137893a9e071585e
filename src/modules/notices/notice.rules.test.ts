// Rules of notices, pure (ACS-5..ACS-8, NTF-1, NTF-2): the form, the replies a kind allows, the status words, the .ics.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/http/forms.ts';
import { icsEscape, icsFold, interviewIcs, interviewStatus, noticeForm, replyAllowed, replyText } from './notice.rules.ts';

const ok = { content: '請準時', contactName: '林人事', contactPhone: '(03)925-1000#12', contactEmail: 'hr@example.tw' };

describe('notice rules', () => {
  it('ACS-6 the form: four required fields; an optional ROC date, a 24-hour time (only with a date) and a place', () => {
    const r = parseForm(noticeForm, { ...ok, interviewDate: '115/12/10', interviewTime: '09:05', interviewPlace: '3F' });
    expect(r.ok && r.data).toMatchObject({ interviewDate: '2026-12-10', interviewTime: '09:05', interviewPlace: '3F' });
    const none = parseForm(noticeForm, ok);
    expect(none.ok && none.data.interviewDate).toBeNull();
    const bad = parseForm(noticeForm, { contactEmail: 'a@b@c', interviewTime: '9:00' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['contactEmail', 'contactName', 'contactPhone', 'content', 'interviewTime'].sort());
    const timeOnly = parseForm(noticeForm, { ...ok, interviewTime: '10:00' });
    expect(!timeOnly.ok && timeOnly.errors.interviewDate).toBe('填寫面試時間時，請一併填寫面試日期');
    expect(parseForm(noticeForm, { ...ok, content: ['a', 'b'] }).ok).toBe(false);
  });

  it('NTF-1 NTF-2 ACS-7 ACS-8 the replies of each kind and their words', () => {
    expect(replyAllowed('interview', 'accepted')).toBe(true);
    expect(replyAllowed('interview', 'accept_and_report')).toBe(false);
    expect(replyAllowed('offer', 'accept_and_report')).toBe(true);
    expect(replyAllowed('offer', 'accepted')).toBe(false);
    expect(replyText('interview', null)).toBe('已通知');
    expect(replyText('offer', 'accept_and_report')).toBe('同意被錄取並報到');
    expect(replyText('offer', 'declined')).toBe('婉拒錄取');
    expect(interviewStatus(null)).toBe('');
    expect(interviewStatus({ reply: null })).toBe('已通知');
    expect(interviewStatus({ reply: 'accepted' })).toBe('接受');
    expect(interviewStatus({ reply: 'declined' })).toBe('婉拒');
  });

  it('ACS-6 the .ics: TZID Asia/Taipei, escaped text, lines folded at 75 octets without splitting a character, over midnight', () => {
    expect(icsEscape('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = '面'.repeat(60);
    const folded = icsFold(`SUMMARY:${long}`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${long}`);
    const ics = interviewIcs({ uid: 'u@x', now: new Date('2026-12-01T00:00:00Z'), date: '2026-12-31', time: '23:30', summary: 'S', description: '<b>x</b>', location: '', organizer: { name: 'A"B', email: 'a@b.tw' } });
    expect(ics).toContain('DTSTART;TZID=Asia/Taipei:20261231T233000');
    expect(ics).toContain('DTEND;TZID=Asia/Taipei:20270101T003000');
    expect(ics).toContain('DTSTAMP:20261201T000000Z');
    expect(ics).toContain('DESCRIPTION:<b>x</b>');
    expect(ics).toContain('ORGANIZER;CN="A B":mailto:a@b.tw');
    expect(ics).not.toContain('LOCATION');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
