// RES-4 從公務人力資料庫帶入相關資料, the resumes module's side of the HR-database seam (moved from hrdb, ADR 0003):
//   hrdbImportOffer(services, hrdb)  for resumeRoutes: offers the button on a first resume when the HR database
//                                    knows the typed ID as a former 聘用/約僱 employee (isFormerContractEmployee)
//   GET /platform/resume/hrdb-import  (applicant) after 人事服務網身分驗證 (/ecpa/verify?next=here): the form as
//                                    typed, filled from the HR database (basic data, ≤ 3 學歷, ≤ 5 經歷), unsaved
// The ID number travels in no URL: the resume form's POST keeps the typed form in the session with the ID's keyed
// hash only (resumes/hrdb-handoff.ts); here the verified person's ID must match that hash. The verification and
// the kept form are used once, whatever the outcome. Audit: resume.hrdb_import, resume.hrdb_import.refused.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../container.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { flash } from '../../platform/http/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ecpaPaths, forgetHrdbVerification, verifiedHrdbPerson } from '../ecpa/index.ts';
import { isFormerContractEmployee, resumeImportFrom, type HrDatabase } from '../hrdb/index.ts';
import { probeOffer } from './probe-limits.ts';
import { hrdbImportMessages } from './hrdb-import.messages.ts';
import { recordVerifiedImport, takeFormForHrdbImport } from './hrdb-handoff.ts';
import { activeApplicant } from './resume.http.ts';
import { resumePaths } from './resume.paths.ts';
import { findResume } from './resume.repo.ts';
import { renderResumeForm, type ResumeRouteOptions } from './resume.routes.tsx';
import { routes } from '../../platform/http/route-options.ts';

export const HRDB_IMPORT_PATH = '/platform/resume/hrdb-import';

export type HrdbImportRefusal = 'no-request' | 'resume-saved' | 'not-verified' | 'different-person' | 'not-eligible';

/** resumeRoutes' `hrdbImportOffer`: the button only on a first resume of a former 聘用/約僱 employee's ID. */
// Every check is a probe (issue 9 item 11): audited, and limited per account and per ID (resumes/probe-limits.ts).
export function hrdbImportOffer(services: Services, hrdb: HrDatabase): NonNullable<ResumeRouteOptions['hrdbImportOffer']> {
  const deps = services.deps.resumes;
  return async ({ applicantId, idNumber, locale }: { applicantId: string; idNumber: string; locale: Locale }) => {
    if (await findResume(services.db, applicantId)) return null;
    return probeOffer(deps, { applicantId, idHash: deps.ids.hash(idNumber) }, async () => {
      if (!isFormerContractEmployee(await hrdb.findPersonByNationalId(idNumber))) return null;
      return { href: ecpaPaths.verifyWithNext(HRDB_IMPORT_PATH), label: hrdbImportMessages(locale)['button.import'] };
    });
  };
}

export async function hrdbImportRoutes(app: FastifyInstance, services: Services, hrdb: HrDatabase = services.hrdb): Promise<void> {
  app.get(HRDB_IMPORT_PATH, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const m = hrdbImportMessages(req.locale);
    const kept = await takeFormForHrdbImport(req, services.deps.resumes, applicantId);
    const person = await verifiedHrdbPerson(req, services, hrdb);
    await forgetHrdbVerification(req, services);
    const refusal: HrdbImportRefusal | null = !kept
      ? 'no-request'
      : (await findResume(services.db, applicantId))
        ? 'resume-saved'
        : !person
          ? 'not-verified'
          : !kept.isTypedId(person.nationalId)
            ? 'different-person'
            : !isFormerContractEmployee(person)
              ? 'not-eligible'
              : null;
    const actor = { kind: 'applicant' as const, id: applicantId, ip: req.ip };
    const subject = person ? { kind: 'hrdb_person', id: person.personId } : null;
    if (refusal || !kept || !person) {
      await recordAudit(services.db, actor, 'resume.hrdb_import.refused', subject, { reason: refusal });
      flash(reply, { kind: 'warning', text: m[`refused.${refusal ?? 'no-request'}`] });
      return reply.redirect(resumePaths.form, 303);
    }
    const draft = resumeImportFrom(person);
    await recordAudit(services.db, actor, 'resume.hrdb_import', subject, { education: draft.education.length, experience: draft.experience.length });
    await recordVerifiedImport(req, services.deps.resumes, applicantId);
    return renderResumeForm(services, req, reply, draft, { base: kept.form, notices: [m['notice.imported']] });
  });
}
