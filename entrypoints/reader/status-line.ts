// The reader's one-line status (role=status in the panel): messages, confirmations that clear
// themselves, and what a failed save means, in one line.
import type { ReaderState } from '../../lib/ui/reader-state';
import type { Store } from '../../lib/ui/create-store';
import { t } from '../../lib/i18n';

/** How long a confirmation stays in the status line. */
export const CONFIRM_MS = 4000;

export interface StatusLineDeps {
  readonly store: Store<ReaderState>;
  readonly signal: AbortSignal;
  /** A save failed for a reason that stops this page saving (data kept aside or cleared). */
  readonly onSavingStopped?: () => void;
}

export interface StatusLine {
  say(message: string | null): void;
  /** Said now, cleared after CONFIRM_MS unless something else was said meanwhile. */
  confirm(message: string): void;
  /** A failed write: says why. */
  fail(error: unknown): void;
}

export function createStatusLine({ store, signal, onSavingStopped }: StatusLineDeps): StatusLine {
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return {
    say: (message) => store.set({ message }),
    confirm(message) {
      clearTimeout(timer);
      store.set({ message });
      timer = setTimeout(() => {
        if (store.get().message === message) store.set({ message: null });
      }, CONFIRM_MS);
    },
    fail(error) {
      const code = storageCode(error);
      if (code === 'cleared' || code === 'kept') onSavingStopped?.();
      store.set({ message: storageMessage(error) });
    },
  };
}

function storageCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** What a failed save means for the reader, in one line. */
export function storageMessage(error: unknown): string {
  switch (storageCode(error)) {
    case 'quota':
      return t('storageError', t('storageQuota'));
    case 'store-full':
      return t('storageFull');
    case 'too-large':
      return t('storageTooLarge');
    case 'kept':
      return t('storageKeptHere');
    case 'cleared':
      return t('storageClearedHere');
    case 'no-writer':
      return t('storageError', t('storageNoWriter'));
    default:
      return t('storageError', error instanceof Error ? error.message : String(error));
  }
}
