// The body of a page that only says something (已寄出, a link's state…): paragraphs, then the next steps as links.
// Each door wraps it in its own page frame (accounts, eCPA).
import Html from '@kitajs/html';

export interface MessageBodyProps {
  paragraphs: string[];
  links: { href: string; text: string; primary?: boolean }[];
}

export function MessageBody({ paragraphs, links }: MessageBodyProps): JSX.Element {
  return (
    <>
      {paragraphs.map((p) => (
        <p safe>{p}</p>
      ))}
      <ul class="next-steps">
        {links.map((l) => (
          <li>
            <a href={l.href} class={l.primary ? 'button' : undefined} safe>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export { Html };
