import { citationLink } from './citation';
import './sources.css';

/** A citation as text; when it starts with a web address or a domain, that part is a link. Never HTML. */
export function Citation({ text }: { text: string }) {
  const link = citationLink(text);
  if (!link) return <>{text}</>;
  return (
    <>
      <a className="citation-link" href={link.href} target="_blank" rel="noopener noreferrer">
        {link.linked}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      {link.rest}
    </>
  );
}
