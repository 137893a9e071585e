// Pages that only say something: 已受理, and every state of a mailed link.
import type { PageContext } from '../../../platform/http/context.ts';
import { EcpaPage } from './parts.tsx';

export interface MessagePageProps {
  ctx: PageContext;
  title: string;
  paragraphs: string[];
  links: { href: string; text: string; primary?: boolean }[];
}

export function MessagePage({ ctx, title, paragraphs, links }: MessagePageProps): JSX.Element {
  return (
    <EcpaPage ctx={ctx} title={title}>
      {paragraphs.map((p) => (
        <p safe>{p}</p>
      ))}
      <ul class="ecpa-next-steps">
        {links.map((l) => (
          <li>
            <a href={l.href} class={l.primary ? 'button' : undefined} safe>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </EcpaPage>
  );
}
