// Test data factories: `await createXxx(db, overrides)` inserts one row with sensible defaults and returns it
// (with the plain `password` where there is one). `db` may be a database handle or services ({ db }).
// See docs/CONVENTIONS.md (Tests).
export { createAccount, PASSWORD, PASSWORD_2, PASSWORD_3, PASSWORD_4, type AccountRow } from './account.ts';
export { createAgency, type AgencyRow } from './agency.ts';
export { createApplication, type ApplicationRow } from './application.ts';
export { createNewsletterSubscription, type SubscriptionRow } from './newsletter.ts';
export { createResume, type ResumeRow } from './resume.ts';
export { createApplicantSession, signInApplicant, type Applicant } from './session.ts';
export { createStaff, STAFF_PASSWORD, type StaffRow } from './staff.ts';
export { createVacancy, nextWorkId, type NewVacancy, type VacancyRow } from './vacancy.ts';
