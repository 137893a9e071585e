// Pages that only say something: 已受理, and every state of a mailed link.
import type { PageContext } from '../../../platform/http/context.ts';
import { MessageBody, type MessageBodyProps } from '../../../platform/views/message-body.tsx';
import { EcpaPage } from './parts.tsx';

export interface MessagePageProps extends MessageBodyProps {
  ctx: PageContext;
  title: string;
}

export function MessagePage({ ctx, title, paragraphs, links }: MessagePageProps): JSX.Element {
  return (
    <EcpaPage ctx={ctx} title={title}>
      <MessageBody paragraphs={paragraphs} links={links} />
    </EcpaPage>
  );
}
