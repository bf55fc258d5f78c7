// The document whose notes the panel edits: NoteEditor keys its drafts by it (lib/storage/note-drafts.ts).
import { createContext } from 'preact';

/** The stored document's id, or null outside a panel (no drafts kept). */
export const NoteDraftScope = createContext<string | null>(null);
