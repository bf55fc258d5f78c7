// The parts as a row of one-click jumps at the top of the panel, always in view while the outline scrolls.
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { partLabel } from '../lib/ui/part-label';

interface Props {
  readonly parts: readonly Section[];
  readonly currentPartId: string | null;
  readonly read: ReadonlySet<string>;
  readonly onJump: (id: string) => void;
}

export function PartJumps({ parts, currentPartId, read, onJump }: Props) {
  if (parts.length < 2) return null;
  return (
    <nav class="part-jumps" aria-label={t('railLabel')}>
      <ol>
        {parts.map((part, index) => {
          const current = part.id === currentPartId;
          const done = read.has(part.id);
          return (
            <li key={part.id}>
              <button
                type="button"
                class={`part-jump${current ? ' current' : ''}${done ? ' read' : ''}`}
                aria-label={done ? t('sectionReadLabel', part.heading) : part.heading}
                aria-current={current ? 'location' : undefined}
                title={part.heading}
                onClick={(event) => {
                  onJump(part.id);
                  if (event.detail > 0) event.currentTarget.blur();
                }}
              >
                {partLabel(part.marker, index)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
