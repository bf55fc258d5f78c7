// The keyboard hint: open at the panel's top for a first-time reader until dismissed, then kept
// behind the header's disclosure with the document's details.
import { t } from '../lib/i18n';

interface Props {
  /** Dismisses the first-view hint; null once dismissed (the hint stays, behind the disclosure). */
  readonly onDismiss: (() => void) | null;
}

export function KeysHint({ onDismiss }: Props) {
  return (
    <section class="keys-hint" aria-label={t('keysHintTitle')}>
      <p>{t('keysHelp')}</p>
      {onDismiss && (
        <button type="button" class="small-button" onClick={onDismiss}>
          {t('keysHintDismiss')}
        </button>
      )}
    </section>
  );
}
