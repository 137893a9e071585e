// 公務人員履歷空白表格 (PUB-6): the resume form with every cell empty, to print and fill in by hand.
import { emptyResume } from './resume-document.ts';
import { renderResumePdf } from './resume-pdf.ts';

export function renderBlankResumePdf(): Promise<Buffer> {
  return renderResumePdf(emptyResume(), { blank: true });
}
