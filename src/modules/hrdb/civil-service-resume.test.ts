// The HR person as the printed civil-service resume (ECPA-6, and GEN-2 later with an AGY-4 selection).
import { describe, expect, it } from 'vitest';
import { CIVIL_SERVICE_PARTS } from '../../platform/pdf/index.ts';
import { civilServiceResumeDocument } from './civil-service-resume.ts';
import { RESUME_SECTIONS } from './hrdb.rules.ts';
import { loadDataset } from './local-hrdb.ts';

const people = loadDataset().people;
const civilServant = people.find((p) => p.personId === 'P900003')!;
const former = people.find((p) => p.personId === 'P900004')!;

describe('civil-service resume document', () => {
  it('ECPA-6 個人全部資料: every part, the ID in full, basic data and lists as in the HR record', () => {
    const { document, parts } = civilServiceResumeDocument(civilServant);
    expect(parts).toEqual([...CIVIL_SERVICE_PARTS]);
    expect(document.basic).toMatchObject({ name: '張家豪', nationalId: 'A128730468', gender: '男', birthDate: '1984-02-20', status: '現職', employmentType: '公務人員' });
    expect(document.education).toHaveLength(Math.min(3, civilServant.education.length));
    expect(document.exams).toEqual(civilServant.exams);
    expect(document.ratings).toEqual(civilServant.performanceRatings);
    expect(document.rewards).toEqual(civilServant.rewardsAndPunishments);
    expect(document.trainings).toEqual(civilServant.trainings);
    expect(document.military).toEqual(civilServant.military);
  });

  it('GEN-2 an AGY-4 choice of parts gives those parts, the others empty', () => {
    const { document, parts } = civilServiceResumeDocument(civilServant, { mode: 'sections', sections: ['trainings', 'rewards'] });
    expect(parts).toEqual(['rewards', 'trainings']);
    expect(document.exams).toEqual([]);
    expect(document.military).toBeNull();
  });

  it('AGY-4 the printed parts use the same keys as the AGY-4 sections; a former employee prints 卸職 with the ROC date', () => {
    expect([...CIVIL_SERVICE_PARTS]).toEqual([...RESUME_SECTIONS]);
    expect(civilServiceResumeDocument(former).document.basic.status).toBe('卸職（111/07/16）');
  });
});
