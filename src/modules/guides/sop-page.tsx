// 求職SOP (PUB-6): the steps of applying for an open job, from finding it to answering the offer,
// with links to the job search, the applicant platform and the blank resume forms.
import type { PageContext } from '../../platform/http/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { guideMessages } from './guides.messages.ts';

export const BLANK_PDF_PATH = '/guide/blank-resume.pdf';
export const BLANK_ODT_PATH = '/guide/blank-resume.odt';

interface Step {
  title: string;
  body: string;
  link?: { href: string; text: string };
}

export function SopPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const m = guideMessages(ctx.locale);
  const steps: Step[] = [
    { title: m.step1Title, body: m.step1Body, link: { href: '/jobs', text: m.step1Link } },
    { title: m.step2Title, body: m.step2Body, link: { href: '/platform', text: m.step2Link } },
    { title: m.step3Title, body: m.step3Body },
    { title: m.step4Title, body: m.step4Body },
    { title: m.step5Title, body: m.step5Body },
  ];
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1 safe>{m.title}</h1>
      <p safe>{m.intro}</p>
      <ol class="sop-steps" aria-label={m.stepsLabel}>
        {steps.map((s, i) => (
          <li class="sop-step">
            <h2 id={`step-${i + 1}`} safe>
              {s.title}
            </h2>
            <p safe>{s.body}</p>
            {s.link ? (
              <p>
                <a href={s.link.href} safe>
                  {s.link.text}
                </a>
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      <section class="sop-forms" aria-labelledby="blank-forms">
        <h2 id="blank-forms" safe>
          {m.formsTitle}
        </h2>
        <p safe>{m.formsBody}</p>
        <ul>
          <li>
            <a href={BLANK_PDF_PATH} download="" type="application/pdf" safe>
              {m.pdfLink}
            </a>
          </li>
          <li>
            <a href={BLANK_ODT_PATH} download="" type="application/vnd.oasis.opendocument.text" safe>
              {m.odtLink}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
