// A section's bookmark: a pressed/unpressed toggle, and once bookmarked its note (add or edit).
// Unbookmarking a section with a note takes a second, unhurried press (ConfirmButton): the note goes too.
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { ConfirmButton } from './ConfirmButton';
import { NoteEditor } from './NoteEditor';

interface Props {
  readonly section: Section;
  /** The note, or undefined when the section is not bookmarked. */
  readonly note: string | undefined;
  readonly onToggle: (section: Section) => void;
  readonly onNote: (section: Section, note: string) => void;
}

export function BookmarkToggle({ section, note, onToggle, onNote }: Props) {
  const pressed = note !== undefined;
  return (
    <>
      <ConfirmButton
        name={t('bookmarkSection')}
        class="icon-button bookmark"
        pressed={pressed}
        title={t('bookmarkSection')}
        needed={pressed && note.trim() !== ''}
        onConfirm={() => onToggle(section)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 1.5h8a.5.5 0 0 1 .5.5v12.3L8 11.2l-4.5 3.1V2a.5.5 0 0 1 .5-.5z" />
        </svg>
      </ConfirmButton>
      {pressed && <NoteEditor note={note} sectionId={section.id} onSave={(text) => onNote(section, text)} />}
    </>
  );
}
