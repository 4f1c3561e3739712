import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** Whether the page is being printed (or emulates print media), rendered before the print is laid out. */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => matchMedia('print').matches);
  useEffect(() => {
    const media = matchMedia('print');
    const set = (value: boolean) => () => flushSync(() => setPrinting(value || media.matches));
    const onChange = () => setPrinting(media.matches);
    const before = set(true);
    const after = set(false);
    media.addEventListener('change', onChange);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      media.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
