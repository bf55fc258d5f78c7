// While study mode is on: a strip in the panel's header with how many blanks are revealed, the keys,
// and a way out, whichever tab is showing.
import { useEffect, useRef } from 'preact/hooks';
import type { StudyView } from '../lib/ui/reader-state';
import { t } from '../lib/i18n';

interface Props {
  readonly study: StudyView;
  readonly onLeave: () => void;
  readonly onNext: () => void;
  /** Study was entered from the panel's switch: focus 揭示下一个, so Space reveals the first blank. */
  readonly takeFocus: boolean;
  readonly onFocusTaken: () => void;
}

export function StudyBar({ study, onLeave, onNext, takeFocus, onFocusTaken }: Props) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    next.current?.focus();
    onFocusTaken();
  }, [takeFocus, onFocusTaken]);
  return (
    <div class="study-bar" role="group" aria-label={t('studyMode')}>
      <span class="study-bar-title">{t('studyMode')}</span>
      <span class="study-bar-count">{t('studyProgress', study.revealed, study.total)}</span>
      <span class="study-bar-hint">{t('studyBarHint')}</span>
      <span class="study-bar-actions">
        <button ref={next} type="button" class="small-button" disabled={study.revealed >= study.total} onClick={onNext}>
          {t('studyRevealNext')}
        </button>
        <button type="button" class="small-button" onClick={onLeave}>
          {t('studyLeave')}
        </button>
      </span>
    </div>
  );
}
