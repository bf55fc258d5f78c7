// 我的收藏: the sections the reader bookmarked in this document, with their notes: jump, edit, remove
// (a bookmark with a note only after a second press: ConfirmButton).
import type { Section } from '../lib/document/types';
import { t } from '../lib/i18n';
import { ConfirmButton } from './ConfirmButton';
import { NoteEditor } from './NoteEditor';

interface Props {
  /** Sections in document order. */
  readonly sections: readonly Section[];
  readonly bookmarks: Readonly<Record<string, string>>;
  readonly onJump: (id: string) => void;
  readonly onRemove: (id: string) => void;
  readonly onNote: (id: string, note: string) => void;
}

export function MyBookmarks({ sections, bookmarks, onJump, onRemove, onNote }: Props) {
  const saved = sections.filter((s) => s.id in bookmarks);
  if (saved.length === 0) return <p class="muted empty">{t('bookmarksEmpty')}</p>;
  return (
    <ul class="my-bookmarks" aria-label={t('tabBookmarks')}>
      {saved.map((section) => (
        <li key={section.id} class="my-bookmark">
          <button type="button" class="bookmark-jump" onClick={() => onJump(section.id)}>
            {section.heading}
          </button>
          <NoteEditor
            note={bookmarks[section.id] ?? ''}
            sectionId={section.id}
            onSave={(note) => onNote(section.id, note)}
          />
          <ConfirmButton
            name={t('removeBookmarkLabel', section.heading)}
            class="link-button"
            needed={(bookmarks[section.id] ?? '').trim() !== ''}
            onConfirm={() => onRemove(section.id)}
          >
            {t('removeBookmark')}
          </ConfirmButton>
        </li>
      ))}
    </ul>
  );
}
