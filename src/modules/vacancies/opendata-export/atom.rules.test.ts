// PUB-4 Atom feed, pure: escaping, Taipei ISO 8601 times, title and summary, an empty feed.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { entrySummary, taipeiIso, toAtom, type AtomVacancy } from './atom.rules.ts';
import { jobUrlOf } from './export-fields.rules.ts';

const job: AtomVacancy = {
  workId: '1150500001', title: '科員 <b>&', orgName: '行政院人事行政總處 "總處"', workPlaces: ['10', '30'], workPlaceText: ',10-臺北市,30-新竹市',
  rankText: '', gradeMin: 5, gradeMax: 7, validFrom: '2026-05-26', validTo: '2026-06-09',
  postedAt: new Date('2026-05-26T01:30:00Z'), updatedAt: new Date('2026-05-25T00:00:00Z'),
};
const base = 'https://jobs.example.gov.tw';

describe('PUB-4 Atom feed', () => {
  it('PUB-4 an entry: id and link = the job page, 職稱 － 機關名稱, Taipei times, summary with ROC validity', () => {
    const xml = toAtom({ baseUrl: base, now: new Date('2026-05-27T00:00:00Z'), jobs: [job], jobUrl: jobUrlOf(base) });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    const e = doc.feed.entry;
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.updated).toBe('2026-05-26T09:30:00+08:00'); // the newest entry, not the clock
    expect(e.id).toBe(`${base}/jobs/1150500001`);
    expect(e.link['@href']).toBe(`${base}/jobs/1150500001`);
    expect(e.title).toBe('科員 <b>& － 行政院人事行政總處 "總處"');
    expect(e.published).toBe('2026-05-26T09:30:00+08:00');
    expect(e.updated).toBe('2026-05-26T09:30:00+08:00'); // never before published
    expect(e.summary).toBe('工作地點：臺北市、新竹市；官等職等：委任第5職等至薦任第7職等；上網有效期間：115/05/26～115/06/09');
    expect(xml).toContain('<title>科員 &lt;b&gt;&amp; － 行政院人事行政總處 &quot;總處&quot;</title>');
  });

  it('PUB-4 summary keeps the published RANK; leaves 官等職等 out when there is none', () => {
    expect(entrySummary({ ...job, rankText: '約僱五等280薪點' })).toContain('官等職等：約僱五等280薪點；');
    expect(entrySummary({ ...job, gradeMin: null, gradeMax: null, workPlaces: [], workPlaceText: ',21-福建省連江縣' })).toBe('工作地點：21-福建省連江縣；上網有效期間：115/05/26～115/06/09');
  });

  it('PUB-4 an empty feed is valid Atom with updated = now', () => {
    const xml = toAtom({ baseUrl: `${base}/`, now: new Date('2026-05-27T00:00:00Z'), jobs: [], jobUrl: jobUrlOf(base) });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<updated>2026-05-27T08:00:00+08:00</updated>');
    expect(xml).toContain(`<id>${base}/opendata/jobs.atom</id>`);
    expect(xml).not.toContain('<entry>');
  });

  it('PUB-4 times are ISO 8601 in Taipei (+08:00)', () => {
    expect(taipeiIso(new Date('2016-04-30T16:00:00Z'))).toBe('2016-05-01T00:00:00+08:00');
  });
});
