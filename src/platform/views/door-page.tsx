// The page frame of a front door's form and message pages (accounts, eCPA, newsletters): the Layout with forms.js,
// an optional block above the heading (the account menu), the h1, and the content, wrapped when the door styles it.
import type Html from '@kitajs/html';
import type { PageContext } from '../http/context.ts';
import { Layout, type LayoutProps } from './layout.tsx';
import { MessageBody, type MessageBodyProps } from './message-body.tsx';

export interface DoorPageProps {
  ctx: PageContext;
  title: string;
  /** The h1 when it differs from the title. */
  heading?: string;
  door?: LayoutProps['door'];
  /** A class for a wrapper around the heading and content (e.g. 'ecpa-page'). */
  wrap?: string;
  /** Extra scripts besides forms.js (progressive enhancement only). */
  scripts?: string[];
  /** Shown above the heading (e.g. the signed-in account menu). */
  top?: JSX.Element | string;
  children?: Html.Children;
}

export function DoorPage({ ctx, title, heading, door = 'public', wrap, scripts = [], top = '', children }: DoorPageProps): JSX.Element {
  const body = (
    <>
      <h1 safe>{heading ?? title}</h1>
      {children}
    </>
  );
  return (
    <Layout ctx={ctx} title={title} door={door} scripts={['/assets/js/forms.js', ...scripts]}>
      {top}
      {wrap ? <div class={wrap}>{body}</div> : body}
    </Layout>
  );
}

export type MessagePageProps = MessageBodyProps & Omit<DoorPageProps, 'children'>;

/** The one page that only says something (已寄出, 已受理, every state of a mailed link), in the frame of its door. */
export function MessagePage({ paragraphs, links, ...frame }: MessagePageProps): JSX.Element {
  return (
    <DoorPage {...frame}>
      <MessageBody paragraphs={paragraphs} links={links} />
    </DoorPage>
  );
}
