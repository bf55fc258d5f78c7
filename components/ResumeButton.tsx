// Resume reading where the last visit ended, or say plainly that the place can't be found.
import { t } from '../lib/i18n';

interface Props {
  readonly show: boolean;
  readonly lost: boolean;
  readonly onResume: () => void;
  readonly onReset: () => void;
}

export function ResumeButton({ show, lost, onResume, onReset }: Props) {
  return (
    <div class="resume">
      {show && (
        <button type="button" class="primary-button" onClick={onResume}>
          {t('resume')}
        </button>
      )}
      {lost && <p class="muted">{t('resumeLost')}</p>}
      <button type="button" class="link-button" onClick={onReset}>
        {t('resetProgress')}
      </button>
    </div>
  );
}
