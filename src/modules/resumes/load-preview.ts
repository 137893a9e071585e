// 履歷預覽 (RES-13): the latest saved resume as the ResumeDocument the PDF prints, and the characters no PDF
// font can print (emoji: shown as 〓 in the PDF; 𠀋 prints in the 全字庫 fallback where installed), so the page
// can say so.
import { pdfFonts } from '../../platform/pdf/fonts.ts';
import { MISSING_GLYPH } from '../../platform/pdf/index.ts';
import { printable } from '../../platform/pdf/printable.ts';
import type { ResumeDocument } from '../../platform/pdf/index.ts';
import type { ResumeDeps } from './resume.deps.ts';
import { resumeData, toResumeDocument } from './resume.mapping.ts';
import { findResume } from './resume.repo.ts';

export interface Preview {
  doc: ResumeDocument;
  savedAt: Date;
  hasPhoto: boolean;
  hasAttachment: boolean;
  unprintable: string[];
}

export async function loadPreview(deps: ResumeDeps, applicantId: string): Promise<Preview | null> {
  const row = await findResume(deps.db, applicantId);
  if (!row) return null;
  const doc = toResumeDocument(resumeData(row), { attachmentName: row.attachmentName, photo: null });
  return { doc, savedAt: row.updatedAt, hasPhoto: row.photoKey !== null, hasAttachment: row.attachmentKey !== null, unprintable: unprintableChars(doc) };
}

/** Distinct characters of the resume's text that print as 〓 (at most 20, in order of appearance). */
export function unprintableChars(doc: ResumeDocument): string[] {
  const fonts = pdfFonts();
  const texts = [...Object.values(doc.basic), ...doc.education.flatMap(Object.values), ...doc.experience.flatMap(Object.values), ...doc.languages.flatMap(Object.values), doc.skills, doc.autobiography, doc.attachmentFileName];
  const found = new Set<string>();
  const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'grapheme' });
  for (const text of texts) {
    if (typeof text !== 'string' || printable(text, fonts.hasGlyph) === text) continue;
    for (const { segment } of segmenter.segment(text)) {
      if (segment.trim() && segment !== MISSING_GLYPH && printable(segment, fonts.hasGlyph) === MISSING_GLYPH) found.add(segment);
      if (found.size >= 20) return [...found];
    }
  }
  return [...found];
}
