// Drawing a bordered government-form grid with pdfkit: rows of labelled cells that move to a new page
// when they do not fit, section title bars, long text that flows over pages inside a bordered box, and
// running headers/footers drawn last over the buffered pages. Knows nothing about resumes.
// Characters Noto lacks but a fallback font has (𠀋, fonts.ts) are drawn in the fallback font: the text is
// split into runs by font and written as pdfkit continued text, so it still wraps as one paragraph; it is
// measured with each fallback character counted as one 〓 (both are one em wide).
import type PDFDocument from 'pdfkit';
import type { PdfFonts } from './fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;
type TextOptions = PDFKit.Mixins.TextOptions;
type FontSource = Parameters<Doc['registerFont']>[1];
/** What the writer needs of the fonts: the runs of a text and the fallback fonts to register. */
export type RunFonts = Pick<PdfFonts, 'runs' | 'fallbackFont'>;

const NO_FALLBACK: RunFonts = {
  runs: (text) => [{ text, fallback: null }],
  fallbackFont: () => {
    throw new Error('no fallback fonts');
  },
};

export const FONT_REGULAR = 'NotoSansTC-Regular';
export const FONT_BOLD = 'NotoSansTC-Bold';

export const FORM_STYLE = {
  margins: { top: 46, bottom: 52, left: 40, right: 40 },
  line: 0.75,
  padX: 4,
  padY: 4,
  flowPad: 6,
  labelFill: '#eeeeee',
  headerFill: '#d9d9d9',
  ink: '#000000',
  muted: '#444444',
  labelSize: 9.5,
  valueSize: 10,
  sectionSize: 11,
  footerSize: 8.5,
} as const;

export interface Cell {
  text: string;
  width: number;
  /** label: grey bold; header: darker grey bold, centred; value: plain. */
  kind?: 'label' | 'header' | 'value';
  align?: 'left' | 'center' | 'right';
}

interface FlowSegment {
  page: number;
  top: number;
  bottom: number;
  continued: boolean;
}

export class FormWriter {
  /** Index of the page being written (pages are buffered). */
  page = 0;
  y: number;
  private onPageAdded: (() => void) | null = null;
  private readonly heights = new Map<string, number>();
  /** The Noto face set by the last style (runs in a fallback font return to it). */
  private base: string = FONT_REGULAR;
  private readonly registered = new Set<number>();

  constructor(
    readonly doc: Doc,
    /** Makes any text drawable (see printable.ts); applied to everything drawn. */
    readonly clean: (s: string) => string,
    private readonly fonts: RunFonts = NO_FALLBACK,
  ) {
    this.y = doc.page.margins.top;
    doc.on('pageAdded', () => {
      this.page += 1;
      this.onPageAdded?.();
    });
  }

  get left(): number {
    return FORM_STYLE.margins.left;
  }
  get width(): number {
    return this.doc.page.width - FORM_STYLE.margins.left - FORM_STYLE.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - FORM_STYLE.margins.bottom;
  }

  /** Sets a Noto face (FONT_REGULAR, FONT_BOLD) for what is written next. */
  font(name: string): Doc {
    this.base = name;
    return this.doc.font(name);
  }

  private style(kind: Cell['kind'] | 'section'): void {
    if (kind === 'section') this.font(FONT_BOLD).fontSize(FORM_STYLE.sectionSize);
    else if (kind === 'value' || kind === undefined) this.font(FONT_REGULAR).fontSize(FORM_STYLE.valueSize);
    else this.font(FONT_BOLD).fontSize(FORM_STYLE.labelSize);
  }

  /** `text` as measured: each character drawn by a fallback font counted as one 〓. */
  private forMeasure(text: string): string {
    const runs = this.fonts.runs(text);
    if (runs.length === 1 && runs[0]!.fallback === null) return text;
    return runs.map((r) => (r.fallback === null ? r.text : '〓'.repeat([...r.text].length))).join('');
  }

  private fallbackName(index: number): string {
    const name = `Fallback-${index}`;
    if (!this.registered.has(index)) {
      this.doc.registerFont(name, this.fonts.fallbackFont(index) as unknown as FontSource);
      this.registered.add(index);
    }
    return name;
  }

  /**
   * doc.text in the current Noto face, with the runs a fallback font draws switched to it. pdfkit aligns each
   * piece of continued text on its own, so centred or right-aligned text that fits on one line is placed by
   * its measured width and written left-aligned; longer such text is written left-aligned.
   */
  text(text: string, x: number, y: number, opts: TextOptions): void {
    const { doc } = this;
    const runs = this.fonts.runs(text);
    if (runs.length === 1 && runs[0]!.fallback === null) {
      doc.text(text, x, y, opts);
      return;
    }
    let left = x;
    if (opts.align && opts.align !== 'left' && opts.width !== undefined) {
      const w = doc.widthOfString(this.forMeasure(text), opts);
      if (w <= opts.width && !text.includes('\n')) left += opts.align === 'right' ? opts.width - w : (opts.width - w) / 2;
    }
    const base = this.base;
    runs.forEach((r, i) => {
      doc.font(r.fallback === null ? base : this.fallbackName(r.fallback));
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(r.text, left, y, { ...opts, align: 'left', continued });
      else doc.text(r.text, { continued });
    });
    doc.font(base);
  }

  /** Sets the style of `kind` and measures `text` in it; remembered, as each cell is measured twice. */
  private measure(kind: Cell['kind'] | 'section', text: string, width: number): number {
    this.style(kind);
    if (!text) return 0;
    text = this.forMeasure(text);
    const key = `${kind === 'section' ? 's' : kind === 'value' || kind === undefined ? 'v' : 'b'}|${width}|${text}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      h = this.doc.heightOfString(text, { width });
      this.heights.set(key, h);
    }
    return h;
  }

  /** The tallest a row may be: a third of a page. Longer cell text is cut with an ellipsis. */
  get maxRowHeight(): number {
    return Math.floor((this.bottom - FORM_STYLE.margins.top) / 3);
  }

  rowHeight(cells: Cell[], minHeight: number): number {
    let h = minHeight;
    for (const c of cells) {
      h = Math.max(h, Math.ceil(this.measure(c.kind, this.clean(c.text), c.width - 2 * FORM_STYLE.padX)) + 2 * FORM_STYLE.padY + 1);
    }
    return Math.min(h, Math.max(minHeight, this.maxRowHeight));
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` more points fit on this one. Returns true on a new page. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  /** Draws cells side by side at (x, y), all `height` high. No page logic. */
  drawCells(cells: Cell[], x: number, y: number, height: number): void {
    const { doc } = this;
    let cx = x;
    for (const c of cells) {
      const fill = c.kind === 'label' ? FORM_STYLE.labelFill : c.kind === 'header' ? FORM_STYLE.headerFill : null;
      if (fill) doc.rect(cx, y, c.width, height).fill(fill);
      doc.lineWidth(FORM_STYLE.line).strokeColor(FORM_STYLE.ink).rect(cx, y, c.width, height).stroke();
      const text = this.clean(c.text);
      if (text) {
        const w = c.width - 2 * FORM_STYLE.padX;
        const th = this.measure(c.kind, text, w);
        const ty = y + Math.max(FORM_STYLE.padY, (height - th) / 2);
        const align = c.align ?? (c.kind === 'header' || c.kind === 'label' ? 'center' : 'left');
        const room = height - (ty - y) - FORM_STYLE.padY + 1;
        doc.fillColor(FORM_STYLE.ink);
        this.text(text, cx + FORM_STYLE.padX, ty, { width: w, height: room, align, lineBreak: true, ellipsis: th > room ? '…' : false });
      }
      cx += c.width;
    }
  }

  /** A row at the current position; `repeat` (e.g. a table header) is drawn first on a new page. */
  row(cells: Cell[], opts: { minHeight?: number; repeat?: Cell[] } = {}): number {
    const h = this.rowHeight(cells, opts.minHeight ?? 22);
    if (this.ensure(h) && opts.repeat) this.row(opts.repeat);
    this.drawCells(cells, this.left, this.y, h);
    this.y += h;
    return h;
  }

  /** A full-width dark bar with the section title, kept on the page with `keepWith` points after it. */
  section(title: string, keepWith: number): void {
    const h = this.rowHeight([{ text: title, width: this.width, kind: 'header' }], 22);
    this.ensure(h + keepWith);
    this.doc.rect(this.left, this.y, this.width, h).fill(FORM_STYLE.headerFill);
    this.doc.lineWidth(FORM_STYLE.line).strokeColor(FORM_STYLE.ink).rect(this.left, this.y, this.width, h).stroke();
    const text = this.clean(title);
    const th = this.measure('section', text, this.width - 4 * FORM_STYLE.padX);
    this.doc.fillColor(FORM_STYLE.ink);
    this.text(text, this.left + FORM_STYLE.padX * 2, this.y + (h - th) / 2, { width: this.width - 4 * FORM_STYLE.padX, lineBreak: false });
    this.y += h;
  }

  /**
   * A section title bar and, below it, long text in a bordered full-width box that continues over as
   * many pages as it needs; each continuation page starts with `title（續）`. An empty text leaves an
   * empty box `minHeight` high (kept on the title's page), or down to `leave` points above the page's
   * bottom margin when that is taller.
   */
  flow(title: string, continuedLabel: string, text: string, minHeight: number, leave?: number): void {
    const { doc } = this;
    const pad = FORM_STYLE.flowPad;
    const base = FORM_STYLE.margins.bottom;
    const body = this.clean(text);
    this.section(title, body ? Math.min(minHeight, 60) : minHeight);
    const headH = this.rowHeight([{ text: title, width: this.width, kind: 'header' }], 22);
    const segments: FlowSegment[] = [{ page: this.page, top: this.y, bottom: this.y, continued: false }];
    if (!body) {
      const h = leave === undefined ? minHeight : Math.max(minHeight, this.bottom - this.y - leave);
      segments[0]!.bottom = this.y + h;
      this.y += h;
    } else {
      doc.page.margins.bottom = base + pad;
      this.onPageAdded = () => {
        const last = segments[segments.length - 1]!;
        last.bottom = doc.page.height - base;
        doc.page.margins.bottom = base + pad;
        const top = doc.page.margins.top;
        segments.push({ page: this.page, top, bottom: top, continued: true });
        doc.y = top + headH + pad;
      };
      try {
        this.font(FONT_REGULAR).fontSize(FORM_STYLE.valueSize).fillColor(FORM_STYLE.ink);
        this.text(body, this.left + pad, this.y + pad, { width: this.width - 2 * pad, lineGap: 2, align: 'left' });
      } finally {
        this.onPageAdded = null;
        doc.page.margins.bottom = base;
      }
      const last = segments[segments.length - 1]!;
      last.bottom = Math.max(doc.y + pad, last.top + (segments.length === 1 ? minHeight : 0));
      this.y = last.bottom;
    }
    const current = this.page;
    for (const s of segments) {
      if (s.page !== current) doc.switchToPage(s.page);
      let top = s.top;
      if (s.continued) {
        this.drawCells([{ text: `${title}${continuedLabel}`, width: this.width, kind: 'header', align: 'left' }], this.left, top, headH);
        top += headH;
      }
      doc.lineWidth(FORM_STYLE.line).strokeColor(FORM_STYLE.ink).rect(this.left, top, this.width, s.bottom - top).stroke();
      if (s.page !== current) doc.switchToPage(current);
    }
  }

  /** Draws `draw(pageIndex, pageCount)` on every page, with the bottom margin lifted so nothing paginates. */
  eachPage(draw: (page: number, pages: number) => void): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = { ...doc.page.margins };
      doc.page.margins.bottom = 0;
      doc.page.margins.top = 0;
      draw(i - range.start, range.count);
      doc.page.margins.bottom = saved.bottom;
      doc.page.margins.top = saved.top;
    }
  }

  /** One line of small text at (x, y), `width` wide, never wrapping. */
  smallText(text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center'): void {
    this.font(FONT_REGULAR).fontSize(FORM_STYLE.footerSize).fillColor(FORM_STYLE.muted);
    this.text(this.clean(text), x, y, { width, align, lineBreak: false });
    this.doc.fillColor(FORM_STYLE.ink);
  }
}
