// Resume PDFs (RES-13 preview/agency copy, PUB-6 blank form, ECPA-6/GEN-2 civil-service resume).
export { renderResumePdf, type RenderResumeOptions } from './resume-pdf.ts';
export { renderBlankResumePdf } from './blank-form.ts';
export { emptyResume, RESUME_LIMITS, type ResumeDocument, type ResumeBasic, type ResumeEducation, type ResumeExperience, type ResumeLanguage } from './resume-document.ts';
export { RESUME_LABELS, allResumeLabels } from './resume-labels.ts';
export { MISSING_GLYPH } from './printable.ts';
export {
  CIVIL_SERVICE_LABELS,
  CIVIL_SERVICE_PARTS,
  renderCivilServiceResumePdf,
  type CivilServicePart,
  type CivilServiceResumeDocument,
  type RenderCivilServiceResumeOptions,
} from './civil-service-resume.ts';
export { createThreadPdfRenderer, inlinePdfRenderer, type PdfRenderer } from './render-thread.ts';
