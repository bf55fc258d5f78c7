// One part as a one-click jump (in the rail and in the panel's header): its number, the part's
// heading as its name, the current part marked, a read part ticked.
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { partLabel } from '../lib/ui/part-label';

interface Props {
  readonly part: Section;
  readonly index: number;
  readonly current: boolean;
  readonly read: boolean;
  /** 'rail-part' or 'part-jump': the same button, sized for its place. */
  readonly class: string;
  readonly onJump: (id: string) => void;
}

export function PartButton({ part, index, current, read, class: kind, onJump }: Props) {
  return (
    <button
      type="button"
      class={`${kind}${current ? ' current' : ''}${read ? ' read' : ''}`}
      aria-label={read ? t('sectionReadLabel', part.heading) : part.heading}
      aria-current={current ? 'location' : undefined}
      title={part.heading}
      onClick={(event) => {
        onJump(part.id);
        // A mouse click leaves no focus ring behind; keyboard use keeps focus where it is.
        if (event.detail > 0) event.currentTarget.blur();
      }}
    >
      {partLabel(part.marker, index)}
    </button>
  );
}
