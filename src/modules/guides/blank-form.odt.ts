// 公務人員履歷空白表格 as an ODF text document (.odt, PUB-6), for applicants who fill it in on a computer
// (LibreOffice, Microsoft Word). The same sections, labels and row counts as the blank PDF.
// An ODT is a zip: `mimetype` first, stored (not compressed) with no extra field, so that readers can
// sniff `application/vnd.oasis.opendocument.text` at byte 38; then META-INF/manifest.xml, content.xml,
// styles.xml and meta.xml.
import { TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { RESUME_LABELS as L } from '../../platform/pdf/resume-labels.ts';
import { RESUME_LIMITS } from '../../platform/pdf/resume-document.ts';

export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A paragraph; '\n' becomes a line break. */
function p(text: string, style = 'P'): string {
  if (!text) return `<text:p text:style-name="${style}"/>`;
  return `<text:p text:style-name="${style}">${text.split('\n').map(xml).join('<text:line-break/>')}</text:p>`;
}

interface OdtCell {
  text?: string;
  kind?: 'label' | 'header' | 'value';
  colspan?: number;
  rowspan?: number;
}

function cell(c: OdtCell): string {
  const style = c.kind === 'label' ? 'Label' : c.kind === 'header' ? 'Head' : 'Value';
  const span = (c.colspan ? ` table:number-columns-spanned="${c.colspan}"` : '') + (c.rowspan ? ` table:number-rows-spanned="${c.rowspan}"` : '');
  const covered = '<table:covered-table-cell/>'.repeat(Math.max(0, (c.colspan ?? 1) - 1));
  return `<table:table-cell table:style-name="${style}" office:value-type="string"${span}>${p(c.text ?? '', c.kind === 'value' || !c.kind ? 'P' : 'Center')}</table:table-cell>${covered}`;
}

interface OdtTable {
  body: string;
  styles: string;
}

/**
 * A table; `widths` in cm; each row lists its cells, `null` for a cell covered by a row span above.
 * `minRowHeight` (cm) makes the body rows tall enough to write in (專長, 自傳).
 */
function table(name: string, widths: number[], rows: (OdtCell | null)[][], minRowHeight?: number): OdtTable {
  const id = `T${[...name].map((c) => c.codePointAt(0)!.toString(36)).join('')}`;
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((_, i) => `<table:table-column table:style-name="${id}.C${i}"/>`).join('');
  const rowStyle = minRowHeight ? ` table:style-name="${id}.R"` : '';
  const body = rows.map((r) => `<table:table-row${rowStyle}>${r.map((c) => (c ? cell(c) : '<table:covered-table-cell/>')).join('')}</table:table-row>`).join('');
  const styles = [
    `<style:style style:name="${id}" style:family="table"><style:table-properties style:width="${total}cm" table:align="margins"/></style:style>`,
    ...widths.map((w, i) => `<style:style style:name="${id}.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`),
    minRowHeight ? `<style:style style:name="${id}.R" style:family="table-row"><style:table-row-properties style:min-row-height="${minRowHeight}cm"/></style:style>` : '',
  ].join('');
  return { body: `<table:table table:name="${xml(name)}" table:style-name="${id}">${cols}${body}</table:table>`, styles };
}

/** A header row and `rows` empty rows. */
function gridTable(name: string, headers: string[], widths: number[], rows: number): OdtTable {
  return table(name, widths, [headers.map((text) => ({ text, kind: 'header' as const })), ...Array.from({ length: rows }, () => headers.map(() => ({})))], 0.9);
}

const label = (text: string): OdtCell => ({ text, kind: 'label' });

function contentXml(): string {
  const B = L.basic;
  const E = L.education;
  const X = L.experience;
  const G = L.languages;
  const photo: OdtCell = { text: `${L.photo}\n${L.photoHint}`, kind: 'header', rowspan: 4 };
  const sections: [string, OdtTable][] = [
    [
      L.sections.basic,
      table(
        L.sections.basic,
        [3.3, 3.6, 2.4, 3.7, 4],
        [
          [label(B.chineseName), {}, label(B.englishName), {}, photo],
          [label(B.idNumber), {}, label(B.gender), {}, null],
          [label(B.birthDate), {}, label(B.phone), {}, null],
          [label(B.email), { colspan: 3 }, null],
          [label(B.address), { colspan: 4 }],
          [label(B.identityNote), { colspan: 4 }],
        ],
        0.9,
      ),
    ],
    [L.sections.education, gridTable(L.sections.education, [E.school, E.department, E.degree, E.status, E.period], [4.6, 3.6, 2, 2.2, 4.6], RESUME_LIMITS.education)],
    [L.sections.experience, gridTable(L.sections.experience, [X.organization, X.jobTitle, X.status, X.period], [5.6, 4, 2.4, 5], RESUME_LIMITS.experience)],
    [L.sections.languages, gridTable(L.sections.languages, [G.language, G.listening, G.speaking, G.reading, G.writing], [4.2, 3.2, 3.2, 3.2, 3.2], RESUME_LIMITS.languages)],
    [L.sections.skills, table(L.sections.skills, [17], [[{}]], 3)],
    [L.sections.autobiography, table(L.sections.autobiography, [17], [[{}]], 12)],
    [L.sections.attachment, table(L.sections.attachment, [3, 14], [[label(L.attachmentFile), {}]], 0.9)],
  ];
  const heading = (text: string) => `<text:h text:style-name="Heading" text:outline-level="2">${xml(text)}</text:h>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">
<office:automatic-styles>
${sections.map(([, t]) => t.styles).join('\n')}
<style:style style:name="Label" style:family="table-cell"><style:table-cell-properties fo:background-color="#eeeeee" fo:border="0.5pt solid #000000" fo:padding="0.1cm" style:vertical-align="middle"/></style:style>
<style:style style:name="Head" style:family="table-cell"><style:table-cell-properties fo:background-color="#d9d9d9" fo:border="0.5pt solid #000000" fo:padding="0.1cm" style:vertical-align="middle"/></style:style>
<style:style style:name="Value" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm" style:vertical-align="middle"/></style:style>
</office:automatic-styles>
<office:body><office:text>
${p(L.blankTitle, 'Title')}
${sections.map(([title, t]) => heading(title) + t.body).join('\n')}
${p(L.blankDate, 'DateLine')}
</office:text></office:body>
</office:document-content>
`;
}

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3">
<office:font-face-decls>
<style:font-face style:name="Noto Sans TC" svg:font-family="'Noto Sans TC'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Sans TC" style:font-name-asian="Noto Sans TC" fo:font-size="10.5pt" style:font-size-asian="10.5pt" fo:language="zh" fo:country="TW" style:language-asian="zh" style:country-asian="TW"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Center" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold" fo:letter-spacing="0.1cm"/></style:style>
<style:style style:name="DateLine" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>
`;

const MANIFEST_XML = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;

function metaXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><dc:title>${xml(L.blankTitle)}</dc:title><dc:language>zh-TW</dc:language><meta:generator>事求人機關徵才系統</meta:generator></office:meta></office:document-meta>
`;
}

/** The blank resume form as .odt bytes. */
export async function buildBlankResumeOdt(): Promise<Uint8Array> {
  const lastModDate = new Date('2026-01-01T00:00:00Z');
  const zip = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, extendedTimestamp: false, dataDescriptor: false, lastModDate, keepOrder: true });
  await zip.add('mimetype', new TextReader(ODT_MIMETYPE), { level: 0 });
  await zip.add('META-INF/manifest.xml', new TextReader(MANIFEST_XML));
  await zip.add('content.xml', new TextReader(contentXml()));
  await zip.add('styles.xml', new TextReader(STYLES_XML));
  await zip.add('meta.xml', new TextReader(metaXml()));
  return zip.close();
}
