// A bookmark's note: shown as text with an obvious edit button, edited in place with a whole save button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { NOTE_MAX } from '../lib/storage/schema';
import { t } from '../lib/i18n';

interface Props {
  readonly note: string;
  readonly onSave: (note: string) => void;
}

export function NoteEditor({ note, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  if (!editing) {
    return (
      <div class="note">
        {note && <p class="note-text">{note}</p>}
        <button
          type="button"
          class="note-button"
          aria-label={note ? t('editNote') : t('addNote')}
          onClick={() => {
            setDraft(note);
            setEditing(true);
          }}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M11 2.5l2.5 2.5L6 12.5 3 13l.5-3z" />
          </svg>
          {note ? t('editNote') : t('addNote')}
        </button>
      </div>
    );
  }
  return (
    <form
      class="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft.trim());
        setEditing(false);
      }}
    >
      <textarea
        rows={2}
        maxLength={NOTE_MAX}
        value={draft}
        aria-label={t('bookmarkNoteLabel')}
        placeholder={t('bookmarkNotePlaceholder')}
        onInput={(event) => setDraft((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setEditing(false);
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        ref={input}
      />
      <div class="note-actions">
        <button type="submit" class="small-button primary">
          {t('bookmarkNoteSave')}
        </button>
        <button type="button" class="small-button" onClick={() => setEditing(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
