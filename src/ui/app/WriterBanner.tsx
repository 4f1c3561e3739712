import type { WriterStatus } from './saveStatus';

/** Shown while another tab records the open session: this one is read-only until it takes over. */
export function WriterBanner({ writer, onTakeOver }: { writer: WriterStatus; onTakeOver: () => void }) {
  if (writer !== 'elsewhere' && writer !== 'lost') return null;
  return (
    <p role="alert" className="storage-banner writer-banner">
      {writer === 'elsewhere'
        ? 'This session is open in another tab, which records it: this tab is read-only and shows it as stored when it opened.'
        : 'Another tab took over this session: this tab no longer records it and shows it as stored at that moment.'}{' '}
      <button type="button" className="take-over" onClick={onTakeOver}>
        Take over here
      </button>
    </p>
  );
}
