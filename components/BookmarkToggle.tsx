// A section's bookmark: a pressed/unpressed toggle, and a short note once bookmarked.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';

interface Props {
  readonly section: Section;
  /** The note, or undefined when the section is not bookmarked. */
  readonly note: string | undefined;
  readonly onToggle: (section: Section) => void;
  readonly onNote: (section: Section, note: string) => void;
}

export function BookmarkToggle({ section, note, onToggle, onNote }: Props) {
  const pressed = note !== undefined;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  return (
    <>
      <button
        type="button"
        class="icon-button bookmark"
        aria-label={t('bookmarkSection')}
        aria-pressed={pressed ? 'true' : 'false'}
        title={t('bookmarkSection')}
        onClick={() => {
          setEditing(false);
          onToggle(section);
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 1.5h8a.5.5 0 0 1 .5.5v12.3L8 11.2l-4.5 3.1V2a.5.5 0 0 1 .5-.5z" />
        </svg>
      </button>
      {pressed && !editing && (
        <button
          type="button"
          class="note-button"
          aria-label={t('editNote')}
          onClick={() => {
            setDraft(note ?? '');
            setEditing(true);
          }}
        >
          {note ? note : t('bookmarkNoteLabel')}
        </button>
      )}
      {pressed && editing && (
        <form
          class="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            onNote(section, draft.trim());
            setEditing(false);
          }}
        >
          <input
            type="text"
            maxLength={200}
            value={draft}
            aria-label={t('bookmarkNoteLabel')}
            placeholder={t('bookmarkNotePlaceholder')}
            onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
            ref={input}
          />
          <button type="submit" class="small-button">
            {t('bookmarkNoteSave')}
          </button>
        </form>
      )}
    </>
  );
}
