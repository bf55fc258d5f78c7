// Top of the panel in one line: the document's kind and title (cut to one line, whole in its
// tooltip), and the disclosure that shows its issuer, date and the keyboard hint (DocumentAbout).
import type { GongwenDocument } from '../lib/document/types';
import { t } from '../lib/i18n';

interface Props {
  readonly doc: GongwenDocument;
  /** The details are shown (below the header, atop the scrolling part). */
  readonly aboutOpen: boolean;
  /** The keyboard hint has not been seen yet: the disclosure carries a mark. */
  readonly fresh: boolean;
  readonly onAbout: () => void;
}

export const ABOUT_ID = 'gr-doc-about';

export function DocumentHeader({ doc, aboutOpen, fresh, onAbout }: Props) {
  return (
    <header class="doc-header">
      {doc.kind && <span class="kind">{doc.kind}</span>}
      {doc.title && (
        <h1 class="doc-title" title={doc.title}>
          {doc.title}
        </h1>
      )}
      <button
        type="button"
        class={`tool about-toggle${fresh ? ' fresh' : ''}`}
        aria-expanded={aboutOpen ? 'true' : 'false'}
        aria-controls={ABOUT_ID}
        aria-label={t('aboutDocument')}
        title={t('aboutDocument')}
        onClick={onAbout}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 7.2v4M8 4.8v.01" />
        </svg>
      </button>
    </header>
  );
}
