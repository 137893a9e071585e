// The resume as a printed government form (應徵人員履歷表; the blank 公務人員履歷表 of PUB-6): A4, a
// bordered grid of labelled cells, the photo box top right, 學歷/經歷/語文能力 tables, 專長 and 自傳 in
// boxes that run over pages, 第 N 頁，共 M 頁 and the print time (ROC, SYS-7) on every page.
// pdfkit with Noto Sans TC Regular/Bold; only the glyphs used are embedded (a subset), so a full resume
// is tens of KB. Characters Noto lacks (𠀋, Extension B) are drawn in the 全字庫 fallback font where it is
// installed (fonts.ts), also subset. Text is drawn as text, never interpreted; characters no font has (emoji)
// print as 〓.
import { columns, drawFormTitle, formTable, openFormDocument } from './form-document.ts';
import { FONT_REGULAR, FORM_STYLE, type Cell, type FormWriter } from './form-writer.ts';
import { generatedAtLabel, period, rocOrRaw } from './resume-format.rules.ts';
import { RESUME_LIMITS, type ResumeDocument } from './resume-document.ts';
import { RESUME_LABELS as L } from './resume-labels.ts';

export interface RenderResumeOptions {
  /** The blank form: empty cells, fixed numbers of rows, no print time. */
  blank?: boolean;
  /** The print time shown in the footer (default: now). */
  generatedAt?: Date;
  /** Default 應徵人員履歷表 (公務人員履歷表 for the blank form). */
  title?: string;
}

const PHOTO_W = 106;
const PHOTO_H = 136;
const LABEL_W = 80;

export async function renderResumePdf(resume: ResumeDocument, opts: RenderResumeOptions = {}): Promise<Buffer> {
  const blank = opts.blank ?? false;
  const generatedAt = opts.generatedAt ?? new Date();
  const title = opts.title ?? (blank ? L.blankTitle : L.title);
  const { w, finish } = openFormDocument(title, generatedAt);

  drawFormTitle(w, title);
  drawBasic(w, resume, blank);
  drawEducation(w, resume, blank);
  drawExperience(w, resume, blank);
  drawLanguages(w, resume, blank);
  w.flow(L.sections.skills, L.continued, blank ? '' : resume.skills, blank ? 90 : 40);
  // The blank form's 自傳 box takes the rest of the page, less the 附件 row.
  w.flow(L.sections.autobiography, L.continued, blank ? '' : resume.autobiography, blank ? 300 : 80, blank ? 50 : undefined);
  w.section(L.sections.attachment, 24);
  w.row([
    { text: L.attachmentFile, width: LABEL_W, kind: 'label' },
    { text: blank ? '' : resume.attachmentFileName, width: w.width - LABEL_W },
  ]);

  const runningHead = blank ? title : [title, resume.basic.chineseName].filter(Boolean).join('　');
  return finish(runningHead, blank ? L.blankDate : generatedAtLabel(generatedAt));
}

function drawBasic(w: FormWriter, r: ResumeDocument, blank: boolean): void {
  const b = r.basic;
  const v = (s: string) => (blank ? '' : s);
  const leftW = w.width - PHOTO_W;
  const valueW = (leftW - 2 * LABEL_W) / 2;
  const label = (text: string): Cell => ({ text, width: LABEL_W, kind: 'label' });
  const value = (text: string, width = valueW): Cell => ({ text: v(text), width });
  const besidePhoto: Cell[][] = [
    [label(L.basic.chineseName), value(b.chineseName), label(L.basic.englishName), value(b.englishName)],
    [label(L.basic.idNumber), value(b.idNumber), label(L.basic.gender), value(b.gender)],
    [label(L.basic.birthDate), value(rocOrRaw(b.birthDate)), label(L.basic.phone), value(b.phone)],
    [label(L.basic.email), value(b.email, leftW - LABEL_W)],
  ];
  w.section(L.sections.basic, PHOTO_H + 60);
  const heights = besidePhoto.map((cells) => w.rowHeight(cells, 0));
  const extra = Math.max(0, PHOTO_H - heights.reduce((a, h) => a + h, 0)) / heights.length;
  const top = w.y;
  besidePhoto.forEach((cells, i) => {
    const h = heights[i]! + extra;
    w.drawCells(cells, w.left, w.y, h);
    w.y += h;
  });
  drawPhoto(w, blank ? null : r.photo, w.left + leftW, top, PHOTO_W, w.y - top);
  w.row([label(L.basic.address), value(b.address, w.width - LABEL_W)], { minHeight: 26 });
  w.row([label(L.basic.identityNote), value(b.identityNote, w.width - LABEL_W)], { minHeight: 26 });
}

function drawPhoto(w: FormWriter, photo: Uint8Array | null, x: number, y: number, width: number, height: number): void {
  const { doc } = w;
  doc.lineWidth(FORM_STYLE.line).strokeColor(FORM_STYLE.ink).rect(x, y, width, height).stroke();
  if (photo instanceof Uint8Array && photo.length > 0) {
    try {
      const data = Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength);
      doc.image(data, x + 4, y + 4, { fit: [width - 8, height - 8], align: 'center', valign: 'center' });
      return;
    } catch {
      // Not a JPEG/PNG pdfkit can read: print the empty box rather than fail the whole resume.
    }
  }
  doc.font(FONT_REGULAR).fontSize(FORM_STYLE.labelSize).fillColor(FORM_STYLE.muted);
  const text = `${L.photo}\n${L.photoHint}`;
  const th = doc.heightOfString(text, { width: width - 8, align: 'center' });
  doc.text(text, x + 4, y + (height - th) / 2, { width: width - 8, align: 'center' });
  doc.fillColor(FORM_STYLE.ink);
}

function drawEducation(w: FormWriter, r: ResumeDocument, blank: boolean): void {
  const E = L.education;
  formTable(
    w,
    L.sections.education,
    columns(w, [E.school, E.department, E.degree, E.status, E.period], [150, 110, 62, 66]),
    blank ? [] : r.education.map((e) => [e.school, e.department, e.degree, e.status, period(e.startDate, e.endDate, e.status)]),
    blank ? RESUME_LIMITS.education : null,
  );
}

function drawExperience(w: FormWriter, r: ResumeDocument, blank: boolean): void {
  const X = L.experience;
  formTable(
    w,
    L.sections.experience,
    columns(w, [X.organization, X.jobTitle, X.status, X.period], [170, 120, 70]),
    blank ? [] : r.experience.map((e) => [e.organization, e.jobTitle, e.status, period(e.startDate, e.endDate, e.status)]),
    blank ? RESUME_LIMITS.experience : null,
  );
}

function drawLanguages(w: FormWriter, r: ResumeDocument, blank: boolean): void {
  const G = L.languages;
  formTable(
    w,
    L.sections.languages,
    columns(w, [G.language, G.listening, G.speaking, G.reading, G.writing], [135, 95, 95, 95]),
    blank ? [] : r.languages.map((g) => [g.language, g.listening, g.speaking, g.reading, g.writing]),
    blank ? RESUME_LIMITS.languages : null,
  );
}
