// The slim rail in the page's margin: the document's parts as one-click jumps (current part
// marked, read parts ticked), the way to the full outline, and the share read.
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { PartButton } from './PartButton';

interface Props {
  readonly parts: readonly Section[];
  /** The top-level part the reader is in. */
  readonly currentPartId: string | null;
  readonly read: ReadonlySet<string>;
  readonly percent: number;
  readonly onOpen: () => void;
  readonly onJump: (id: string) => void;
}

export function Rail({ parts, currentPartId, read, percent, onOpen, onJump }: Props) {
  return (
    <nav class="rail" aria-label={t('railLabel')}>
      <button type="button" class="rail-open" aria-label={t('openOutlineLabel')} aria-expanded="false" title={t('openOutlineLabel')} onClick={onOpen}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M2 3.5h12M2 8h12M2 12.5h8" />
        </svg>
        <span class="rail-open-text">{t('openOutline')}</span>
      </button>
      <ol class="rail-parts">
        {parts.map((part, index) => (
          <li key={part.id}>
            <PartButton part={part} index={index} current={part.id === currentPartId} read={read.has(part.id)} class="rail-part" onJump={onJump} />
          </li>
        ))}
      </ol>
      <span class="rail-percent" aria-hidden="true">
        {t('progressShort', percent)}
      </span>
    </nav>
  );
}
