// The frozen copy of a resume kept with each application (APP-3): the resume's data as it was at 確定應徵, which
// later edits or 刪除履歷 never change. Files are copied in storage (application.photoKey / attachmentKey).
import type { ResumeData } from '../resumes/index.ts';

export interface ResumeSnapshot {
  /** The snapshot's format, for later readers. */
  v: 1;
  resumeId: string;
  /** When the resume was last saved before this application. */
  savedAt: string;
  data: ResumeData;
  /** The attachment's original name when it was sent with the application. */
  attachmentName: string | null;
  /** A civil servant's application (ECPA-5): the HR-database person it was taken from; the file comes at batch time (GEN-2). */
  origin?: { kind: 'hrdb'; personId: string };
}
