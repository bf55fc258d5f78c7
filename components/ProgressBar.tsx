// Reading progress: the share of the text read (the bar, named 阅读进度 with its percent) and how
// many parts are done, as one short line (the percent is said once: by the bar, not again beside it).
import { t } from '../lib/i18n';

interface Props {
  readonly percent: number;
  readonly partsRead: number;
  readonly partsTotal: number;
}

export function ProgressBar({ percent, partsRead, partsTotal }: Props) {
  return (
    <div class="progress" title={t('progressValue', percent)}>
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
      <div class="progress-text">{t('partsRead', partsRead, partsTotal)}</div>
    </div>
  );
}
