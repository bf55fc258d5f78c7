// The keyboard hint, shown where a first-time reader sees it (the panel's top) until dismissed.
import { t } from '../lib/i18n';

interface Props {
  readonly onDismiss: () => void;
}

export function KeysHint({ onDismiss }: Props) {
  return (
    <section class="keys-hint" aria-label={t('keysHintTitle')}>
      <p>{t('keysHelp')}</p>
      <button type="button" class="small-button" onClick={onDismiss}>
        {t('keysHintDismiss')}
      </button>
    </section>
  );
}
