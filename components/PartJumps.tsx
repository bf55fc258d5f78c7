// The parts as a row of one-click jumps at the top of the panel, always in view while the outline scrolls.
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { PartButton } from './PartButton';

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
        {parts.map((part, index) => (
          <li key={part.id}>
            <PartButton
              part={part}
              index={index}
              current={part.id === currentPartId}
              read={read.has(part.id)}
              class="part-jump"
              onJump={onJump}
            />
          </li>
        ))}
      </ol>
    </nav>
  );
}
