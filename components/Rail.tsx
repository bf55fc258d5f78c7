// The slim rail in the page's margin: the document's parts as one-click jumps (current part
// marked, read parts ticked), the way to the full outline, resume reading (saying where it
// leads, so it is seen with the panel folded) and the share read.
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { partIdOf, partLabel } from '../lib/ui/part-label';
import { PartButton } from './PartButton';

interface Props {
  readonly parts: readonly Section[];
  /** The top-level part the reader is in. */
  readonly currentPartId: string | null;
  readonly read: ReadonlySet<string>;
  readonly percent: number;
  /** The section 继续阅读 leads to, while it is offered. */
  readonly resumeTo: Section | null;
  readonly onOpen: () => void;
  readonly onJump: (id: string) => void;
  readonly onResume: () => void;
}

export function Rail({ parts, currentPartId, read, percent, resumeTo, onOpen, onJump, onResume }: Props) {
  const resumePartId = resumeTo ? partIdOf(parts, resumeTo.id) : null;
  const resumePart = parts.findIndex((part) => part.id === resumePartId);
  return (
    <nav class="rail" aria-label={t('railLabel')}>
      <button
        type="button"
        class="rail-open"
        aria-label={t('openOutlineLabel')}
        aria-expanded="false"
        title={t('openOutlineLabel')}
        onClick={onOpen}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M2 3.5h12M2 8h12M2 12.5h8" />
        </svg>
        <span class="rail-open-text">{t('openOutline')}</span>
      </button>
      {resumeTo && (
        <button
          type="button"
          class="rail-resume"
          aria-label={t('resumeTo', resumeTo.heading)}
          title={t('resumeTo', resumeTo.heading)}
          onClick={onResume}
        >
          <span class="rail-resume-text">{t('resumeShort')}</span>
          <span class="rail-resume-to" aria-hidden="true">
            →{resumePart >= 0 ? partLabel(parts[resumePart]!.marker, resumePart) : ''}
          </span>
        </button>
      )}
      <ol class="rail-parts">
        {parts.map((part, index) => (
          <li key={part.id}>
            <PartButton
              part={part}
              index={index}
              current={part.id === currentPartId}
              read={read.has(part.id)}
              class="rail-part"
              onJump={onJump}
            />
          </li>
        ))}
      </ol>
      <span class="rail-percent" aria-hidden="true">
        {t('progressShort', percent)}
      </span>
    </nav>
  );
}
