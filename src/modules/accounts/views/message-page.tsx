// Pages that only say something: 已寄出, 帳號已啟用, and every state of a mailed link (expired, used, voided, invalid).
import type { PageContext } from '../../../platform/http/context.ts';
import { MessageBody, type MessageBodyProps } from '../../../platform/views/message-body.tsx';
import { AccountPage } from './parts.tsx';

export interface MessagePageProps extends MessageBodyProps {
  ctx: PageContext;
  title: string;
}

export function MessagePage({ ctx, title, paragraphs, links }: MessagePageProps): JSX.Element {
  return (
    <AccountPage ctx={ctx} title={title}>
      <MessageBody paragraphs={paragraphs} links={links} />
    </AccountPage>
  );
}
