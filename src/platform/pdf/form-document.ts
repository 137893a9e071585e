// What every printed form of this system shares (the applicant resume of RES-13/PUB-6 and the civil-service
// resume of ECPA-6/GEN-2): an A4 pdfkit document with Noto Sans TC Regular/Bold (subset) and the 全字庫
// fallback fonts (fonts.ts), a FormWriter over it, the centred title, tables with a repeated header row and one
// 無 row when empty, and the running head / 製表時間 / 第 N 頁，共 M 頁 on every page.
import PDFDocument from 'pdfkit';
import { pdfFonts } from './fonts.ts';
import { FONT_BOLD, FONT_REGULAR, FORM_STYLE, FormWriter, type Cell } from './form-writer.ts';
import { printable } from './printable.ts';
import { pageLabel } from './resume-format.rules.ts';
import { RESUME_LABELS } from './resume-labels.ts';

type Doc = InstanceType<typeof PDFDocument>;
type FontSource = Parameters<Doc['registerFont']>[1];

export interface FormDocument {
  doc: Doc;
  w: FormWriter;
  /** Ends the document (after the running head and footer are drawn on every page) and gives its bytes. */
  finish(runningHead: string, footLeft: string): Promise<Buffer>;
}

/** An A4 form with the fonts registered; `title` goes into the PDF's metadata (not drawn: see drawFormTitle). */
export function openFormDocument(title: string, generatedAt: Date): FormDocument {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...FORM_STYLE.margins },
    bufferPages: true,
    lang: 'zh-TW',
    displayTitle: true,
    pdfVersion: '1.7',
    // A parsed fontkit font as the default font: no Helvetica is loaded or embedded.
    font: fonts.regular as unknown as string,
    info: { Title: title, Creator: '事求人機關徵才系統', Producer: '事求人機關徵才系統 (pdfkit)', CreationDate: generatedAt, ModDate: generatedAt },
  });
  const bytes = collect(doc);
  doc.registerFont(FONT_REGULAR, fonts.regular as unknown as FontSource);
  doc.registerFont(FONT_BOLD, fonts.bold as unknown as FontSource);
  const w = new FormWriter(doc, (s) => printable(s, fonts.hasGlyph), fonts);
  return {
    doc,
    w,
    finish(runningHead, footLeft) {
      w.eachPage((page, pages) => {
        const y = doc.page.height - FORM_STYLE.margins.bottom + 18;
        if (page > 0) w.smallText(runningHead, w.left, 24, w.width, 'left');
        w.smallText(footLeft, w.left, y, w.width * 0.65, 'left');
        w.smallText(pageLabel(page + 1, pages), w.left + w.width * 0.65, y, w.width * 0.35, 'right');
      });
      doc.end();
      return bytes;
    },
  };
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The form's title, bold and centred at the top of the first page. */
export function drawFormTitle(w: FormWriter, title: string): void {
  w.doc.font(FONT_BOLD).fontSize(18).fillColor(FORM_STYLE.ink);
  w.doc.text(w.clean(title), w.left, w.y, { width: w.width, align: 'center', characterSpacing: 4 });
  w.y = w.doc.y + 8;
}

/**
 * A table under a section title: header row (repeated after a page break), the rows, or one 無 row when empty.
 * `padTo` (the blank form) adds empty rows up to that many.
 */
export function formTable(w: FormWriter, title: string, headers: [string, number][], rows: string[][], padTo: number | null = null): void {
  const header: Cell[] = headers.map(([text, width]) => ({ text, width, kind: 'header' }));
  const all = padTo === null ? rows : Array.from({ length: Math.max(padTo, rows.length) }, (_, i) => rows[i] ?? headers.map(() => ''));
  const none: Cell[] = [{ text: RESUME_LABELS.none, width: w.width, align: 'center' }];
  const body = all.map((cells) => cells.map((text, i): Cell => ({ text, width: headers[i]![1] })));
  // Keep the title, the header row and the first row together.
  w.section(title, w.rowHeight(header, 22) + w.rowHeight(body[0] ?? none, 26));
  w.row(header);
  if (body.length === 0) w.row(none, { minHeight: 26 });
  for (const cells of body) w.row(cells, { minHeight: 26, repeat: header });
}

/** Column headers with widths: the given widths, and the last column taking the rest of the line. */
export function columns(w: FormWriter, labels: readonly string[], fixed: readonly number[]): [string, number][] {
  const widths = [...fixed, w.width - fixed.reduce((a, b) => a + b, 0)];
  return labels.map((t, i) => [t, widths[i]!]);
}
