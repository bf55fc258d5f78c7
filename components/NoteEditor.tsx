// A bookmark's note: shown as text with an obvious edit button, edited in place with a whole save button.
// Opening the editor brings its save button into view; what is typed is kept as a draft until saved
// or cancelled (lib/storage/note-drafts.ts), and offered back the next time the editor opens.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { NOTE_MAX } from '../lib/storage/schema';
import { t } from '../lib/i18n';
import { draftArea, dropDraft, keepDraft, readDraft } from '../lib/storage/note-drafts';
import { NoteDraftScope } from './NoteDraftScope';

interface Props {
  readonly note: string;
  /** The bookmarked section: its draft is kept under it. */
  readonly sectionId: string;
  readonly onSave: (note: string) => void;
}

export function NoteEditor({ note, sectionId, onSave }: Props) {
  const docId = useContext(NoteDraftScope);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const [restored, setRestored] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const actionsRow = useRef<HTMLDivElement>(null);
  const storage = docId === null ? null : draftArea();
  useEffect(() => {
    if (editing) input.current?.focus({ preventScroll: true });
  }, [editing]);
  useEffect(() => {
    // The save button, not only the box: the panel's scroll area ends at the status strip. Again
    // when a restored draft's notice pushes it down.
    if (editing) actionsRow.current?.scrollIntoView({ block: 'nearest' });
  }, [editing, restored]);
  const open = () => {
    setDraft(note);
    setRestored(false);
    setEditing(true);
    if (docId === null) return;
    void readDraft(storage, docId, sectionId).then((kept) => {
      // Offered back unless the reader has begun typing in the meantime.
      if (kept === null || kept === note || input.current === null || input.current.value !== note) return;
      setDraft(kept);
      setRestored(true);
    });
  };
  const close = (discard: boolean) => {
    if (discard && docId !== null) void dropDraft(storage, docId, sectionId);
    setRestored(false);
    setEditing(false);
  };
  if (!editing) {
    return (
      <div class="note">
        {note && <p class="note-text">{note}</p>}
        <button type="button" class="note-button" aria-label={note ? t('editNote') : t('addNote')} onClick={open}>
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
        close(true);
      }}
    >
      {restored && <p class="note-restored">{t('noteDraftRestored')}</p>}
      <textarea
        rows={2}
        maxLength={NOTE_MAX}
        value={draft}
        aria-label={t('bookmarkNoteLabel')}
        placeholder={t('bookmarkNotePlaceholder')}
        onInput={(event) => {
          const text = (event.currentTarget as HTMLTextAreaElement).value;
          setDraft(text);
          // Kept as typed: a reload, a closed tab or a navigation gives no chance to save on the way out.
          if (docId !== null) void keepDraft(storage, docId, sectionId, text === note ? '' : text);
        }}
        onKeyDown={(event) => {
          // Escape closes and keeps the draft; only 取消 discards it.
          if (event.key === 'Escape') close(false);
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        ref={input}
      />
      <div class="note-actions" ref={actionsRow}>
        <button type="submit" class="small-button primary">
          {t('bookmarkNoteSave')}
        </button>
        <button type="button" class="small-button" onClick={() => close(true)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
