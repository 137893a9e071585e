// The 職缺 Open Data page (PUB-4): the four files, the field list with Chinese meanings, update frequency, licence.
import type { PageContext } from '../../../../platform/http/context.ts';
import { fill } from '../../../../platform/i18n/i18n.ts';
import { DataTable, type Column } from '../../../../platform/views/components.tsx';
import { Layout } from '../../../../platform/views/layout.tsx';
import { formatRoc } from '../../../../platform/tw/roc-date.ts';
import { EXPORT_FIELDS } from '../export-fields.rules.ts';
import type { FeedField } from '../../opendata/feed.parse.ts';
import { openDataMessages } from '../opendata.messages.ts';

export const LICENCE_URL = 'https://data.gov.tw/license';
export const DGPA_DATASET_URL = 'https://data.gov.tw/dataset/7229';

export const FILE_PATHS = { xml: '/opendata/jobs.xml', json: '/opendata/jobs.json', csv: '/opendata/jobs.csv', atom: '/opendata/jobs.atom' } as const;

interface FileRow {
  format: string;
  href: string;
  type: string;
  note: string;
}

export function OpenDataPage({ ctx, today, count }: { ctx: PageContext; today: string; count: number }): JSX.Element {
  const m = openDataMessages(ctx.locale);
  const files: FileRow[] = [
    { format: 'XML', href: FILE_PATHS.xml, type: 'application/xml', note: m.xmlNote },
    { format: 'JSON', href: FILE_PATHS.json, type: 'application/json', note: m.jsonNote },
    { format: 'CSV', href: FILE_PATHS.csv, type: 'text/csv', note: m.csvNote },
    { format: 'Atom', href: FILE_PATHS.atom, type: 'application/atom+xml', note: m.atomNote },
  ];
  const fileColumns: Column<FileRow>[] = [
    { header: m.colFormat, cell: (r) => <span safe>{r.format}</span> },
    {
      header: m.colUrl,
      cell: (r) => (
        <a href={r.href} type={r.type}>
          <code safe>{r.href}</code>
        </a>
      ),
    },
    { header: m.colNote, cell: (r) => <span safe>{r.note}</span> },
  ];
  const fieldColumns: Column<FeedField>[] = [
    { header: m.colField, cell: (f) => <code>{f}</code> },
    { header: m.colMeaning, cell: (f) => <span safe>{m[`field.${f}`]}</span> },
    { header: m.colNote, cell: (f) => <span safe>{m[`note.${f}`]}</span> },
  ];
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1 safe>{m.title}</h1>
      <p safe>{m.intro}</p>
      <p safe>{fill(m.status, { date: formatRoc(today), count: count.toLocaleString('en-US') })}</p>
      <section aria-labelledby="od-files">
        <h2 id="od-files" safe>
          {m.formatsTitle}
        </h2>
        <DataTable caption={m.formatsTitle} columns={fileColumns} rows={files} empty="" />
      </section>
      <section aria-labelledby="od-updates">
        <h2 id="od-updates" safe>
          {m.updateTitle}
        </h2>
        <p safe>{m.updateBody}</p>
      </section>
      <section aria-labelledby="od-fields">
        <h2 id="od-fields" safe>
          {m.fieldsTitle}
        </h2>
        <p safe>{m.fieldsNote}</p>
        <DataTable caption={m.fieldsTitle} columns={fieldColumns} rows={[...EXPORT_FIELDS]} empty="" />
      </section>
      <section aria-labelledby="od-licence">
        <h2 id="od-licence" safe>
          {m.licenceTitle}
        </h2>
        <p safe>{m.licenceBody}</p>
        <ul>
          <li>
            <a href={LICENCE_URL} rel="license" safe>
              {m.licenceLink}
            </a>
          </li>
          <li>
            <a href={DGPA_DATASET_URL} safe>
              {m.sourceLink}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
