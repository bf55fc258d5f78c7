// Reading progress: share of the text read so far and how many parts are done.
import { t } from '../lib/i18n';

interface Props {
  readonly percent: number;
  readonly partsRead: number;
  readonly partsTotal: number;
}

export function ProgressBar({ percent, partsRead, partsTotal }: Props) {
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('progressValue', percent)}
      >
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div class="progress-text">
        <span>{t('progressValue', percent)}</span>
        <span>{t('partsRead', partsRead, partsTotal)}</span>
      </div>
    </div>
  );
}
