// PUB-4 export fields, pure: a stored vacancy → a DGPA ROW, the inverse of the importer's normalizeRow.
import { describe, expect, it } from 'vitest';
import { parseGradeRange } from '../opendata/free-text.rules.ts';
import { normalizeRow } from '../opendata/feed.rules.ts';
import { cleanText, exportRow, viewUrlOf, rankTextOf, workPlaceTypeOf, type ExportVacancy } from './export-fields.rules.ts';

const jobUrl = viewUrlOf('https://jobs.example.gov.tw/');

/** A vacancy posted on this site: the text columns the feed would fill are empty, the parsed ones are set. */
const posted: ExportVacancy = {
  workId: '1150500001', orgId: 'A58000000A', orgName: '行政院人事行政總處', personKind: '一般人員', title: '科員',
  rankText: '', gradeMin: 5, gradeMax: 7, sysnamText: '', sysnamCode: 'A101', numberOfText: '', headcount: 2, reserveNum: '備取1名',
  genderType: '', gender: 'F', workPlaceText: '', workPlaces: ['10', '30'], validFrom: '2026-05-26', validTo: '2026-06-09',
  isHandicap: true, isOriginal: false, isLocalOriginal: true, isTraning: false, isTransfer: true, typeText: '', rankTypes: ['薦任', '委任'],
  vitaeEmail: 'hr@dgpa.example.gov.tw', workQuality: '大學畢業。\r\n具文書處理能力。', workItem: '\t一、公文處理。', workAddress: '臺北市',
  contactMethod: '王小姐 (02)2397-9298', urlLink: '', workType: null,
};

describe('PUB-4 export fields', () => {
  it('PUB-4 a vacancy posted here gets its texts built from the parsed columns, in the DGPA conventions', () => {
    expect(exportRow(posted, jobUrl)).toEqual({
      ORG_NAME: '行政院人事行政總處', PERSON_KIND: '一般人員', RANK: '委任第5職等至薦任第7職等', TITLE: '科員',
      SYSNAM: '綜合行政', NUMBER_OF: '2', GENDER_TYPE: '女', WORK_PLACE_TYPE: ',10-臺北市,30-新竹市',
      DATE_FROM: '1150526', DATE_TO: '1150609', IS_HANDICAP: 'Y', IS_ORIGINAL: 'N', IS_LOCAL_ORIGINAL: 'Y', IS_TRANING: 'N',
      TYPE: '薦任,委任', VITAE_EMAIL: 'hr@dgpa.example.gov.tw', WORK_QUALITY: '大學畢業。\n具文書處理能力。', WORK_ITEM: '\t一、公文處理。',
      WORK_ADDRESS: '臺北市', CONTACT_METHOD: '王小姐 (02)2397-9298', URL_LINK: '', VIEW_URL: 'https://jobs.example.gov.tw/jobs/1150500001?work_id=1150500001',
      ORG_ID: 'A58000000A', RESERVE_NUM: '備取1名', IS_TRANSFER: 'Y', Work_Type: '',
    });
  });

  it('PUB-4 what the importer reads back from an exported posted vacancy equals its parsed columns', () => {
    const row = exportRow(posted, jobUrl);
    // The exported VIEW_URL (this site's job page with ?work_id=) is read back unchanged.
    const r = normalizeRow(row, { announceDate: null });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.vacancy).toMatchObject({
      workId: '1150500001',
      gradeMin: 5, gradeMax: 7, sysnamCode: 'A101', headcount: 2, gender: 'F', workPlaces: ['10', '30'], validFrom: '2026-05-26',
      validTo: '2026-06-09', isHandicap: true, isOriginal: false, isLocalOriginal: true, isTraning: false, isTransfer: true,
      rankTypes: ['薦任', '委任'], orgId: 'A58000000A', reserveNum: '備取1名',
    });
  });

  it('PUB-4 stored verbatim text wins over the parsed columns (imported rows come back as published)', () => {
    const row = exportRow(
      { ...posted, rankText: '委任第五職等或薦任第六職等至第七職等', sysnamText: '一般行政', numberOfText: '正取1名，備取1名', genderType: '一般人員', workPlaceText: ',21-福建省連江縣', typeText: '薦任,委任' },
      jobUrl,
    );
    expect(row).toMatchObject({ RANK: '委任第五職等或薦任第六職等至第七職等', SYSNAM: '一般行政', NUMBER_OF: '正取1名，備取1名', GENDER_TYPE: '一般人員', WORK_PLACE_TYPE: ',21-福建省連江縣', TYPE: '薦任,委任' });
  });

  it('PUB-4 empty and unknown values: empty elements, IS_TRANSFER empty when not recorded, gender any → 不拘', () => {
    const row = exportRow({ ...posted, gradeMin: null, gradeMax: null, sysnamCode: null, headcount: null, gender: 'any', workPlaces: [], rankTypes: [], isTransfer: null, orgId: null, reserveNum: null }, jobUrl);
    expect(row).toMatchObject({ RANK: '', SYSNAM: '', NUMBER_OF: '', GENDER_TYPE: '不拘', WORK_PLACE_TYPE: '', TYPE: '', IS_TRANSFER: '', ORG_ID: '', RESERVE_NUM: '' });
  });

  it('PUB-4 a built RANK is one the importer parses back to the same 職等 range', () => {
    for (const [min, max] of [[1, 1], [3, 5], [5, 7], [6, 9], [9, 10], [10, 14], [1, 14], [12, 12]] as const) {
      expect(parseGradeRange(rankTextOf(min, max)), `${min}-${max}`).toEqual({ min, max });
    }
    expect(rankTextOf(6, 7)).toBe('薦任第6職等至第7職等');
    expect(rankTextOf(null, 7)).toBe('');
  });

  it('PUB-4 WORK_PLACE_TYPE from codes has the leading comma and code-name pairs', () => {
    expect(workPlaceTypeOf(['10', '20'])).toBe(',10-臺北市,20-基隆市');
    expect(workPlaceTypeOf([])).toBe('');
  });

  it('PUB-4 text is kept verbatim except line ends (CRLF, CR → LF) and characters XML cannot carry', () => {
    expect(cleanText('  a\r\nb\rc\n\td  ')).toBe('  a\nb\nc\n\td  ');
    expect(cleanText('x\u0000\u0007\u000B\u000C\u001F\uFFFE\uFFFFy')).toBe('xy');
    expect(cleanText('𠀋 😀 \uD800 z \uDC00')).toBe('𠀋 😀  z ');
    expect(cleanText('<&>"\'')).toBe('<&>"\'');
  });
});
