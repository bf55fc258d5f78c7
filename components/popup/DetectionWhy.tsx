// The popup's "why this page" line: the document signals the detector weighed (lib/document/signals.ts),
// so a wrong call (a news story served, a notice missed) can be understood from a user's report.
// Behind a 为什么 disclosure: the score is for a report, not for reading.
import type { DetectionWhy as Why } from '../../lib/messages';
import type { DocumentSignal } from '../../lib/document/signals';
import { t, uiLanguage } from '../../lib/i18n';

function signalText(signal: Pick<DocumentSignal, 'code' | 'text'>): string {
  switch (signal.code) {
    case 'kind':
      return t('signalKind', signal.text);
    case 'masthead':
      return t('signalMasthead', signal.text);
    case 'number':
      return t('signalNumber', signal.text);
    case 'regulation':
      return t('signalRegulation');
    case 'addressee':
      return t('signalAddressee', signal.text);
    case 'date':
      return t('signalDate', signal.text);
  }
}

interface Props {
  readonly why: Why;
  /** Shown on the user's request although the signals fell short. */
  readonly requested?: boolean;
}

export function DetectionWhy({ why, requested }: Props) {
  const signals = why.signals.length > 0 ? why.signals.map(signalText).join(uiSeparator()) : t('popupWhyNone');
  return (
    <details class="why">
      <summary class="muted small">{t('popupWhyToggle')}</summary>
      <p class="muted small" data-score={why.score}>
        {requested && `${t('popupWhyRequested')} · `}
        {t('popupWhy', signals, why.score, why.threshold)}
      </p>
    </details>
  );
}

function uiSeparator(): string {
  return uiLanguage() === 'zh' ? '、' : ', ';
}
