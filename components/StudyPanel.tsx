// The 学习 tab: study mode's switch (学习模式) and what it does, each part with its key phrases
// and the student's 会了 / 再看, then the 复习 list across documents.
import type { Section } from '../lib/document/types';
import type { StudyMarkValue, StudyView } from '../lib/ui/reader-state';
import type { ReviewEntry, ReviewGroup } from '../lib/study/review-list';
import { displayText } from '../lib/document/display-text';
import { partLabel } from '../lib/ui/part-label';
import { t } from '../lib/i18n';
import { ReviewList } from './ReviewList';

interface Props {
  readonly study: StudyView;
  readonly parts: readonly Section[];
  readonly review: readonly ReviewGroup[] | null;
  readonly onToggle: () => void;
  /** The switch is about to turn study on: the panel moves focus to the study bar once it shows. */
  readonly onEnterFromSwitch: () => void;
  readonly onMark: (partId: string, mark: StudyMarkValue) => void;
  readonly onJump: (partId: string) => void;
  readonly onOpenReview: (group: ReviewGroup, entry: ReviewEntry) => void;
}

export function StudyPanel({ study, parts, review, onToggle, onEnterFromSwitch, onMark, onJump, onOpenReview }: Props) {
  const byId = new Map(study.parts.map((p) => [p.id, p] as const));
  return (
    <div class="study">
      <div class="study-start">
        <button
          type="button"
          class={`small-button${study.on ? '' : ' primary'}`}
          aria-pressed={study.on ? 'true' : 'false'}
          disabled={!study.available}
          onClick={() => {
            // Entering from here moves focus on to the study bar's 揭示下一个, so the first Space reveals
            // a blank instead of pressing this switch again (which would leave study mode).
            if (!study.on) onEnterFromSwitch();
            onToggle();
          }}
        >
          {t('studyMode')}
        </button>
        {study.on && <span class="study-count">{t('studyProgress', study.revealed, study.total)}</span>}
      </div>
      <p class="muted study-intro">{study.available ? t('studyIntro') : t('studyUnavailable')}</p>
      <h2 class="study-heading">{t('studyPartsHeading')}</h2>
      <ul class="study-parts">
        {parts.map((part, index) => {
          const info = byId.get(part.id);
          const mark = info?.mark ?? null;
          const heading = displayText(part.heading);
          return (
            <li key={part.id} class={`study-part${mark ? ` marked-${mark}` : ''}`}>
              <button type="button" class="study-part-jump" onClick={() => onJump(part.id)}>
                <span class="study-part-no" aria-hidden="true">
                  {partLabel(part.marker, index)}
                </span>
                <span class="study-part-heading">{heading}</span>
              </button>
              <p class="study-terms">
                {/* While the blanks are on, the list must not hand out their answers: counts only. */}
                {!info || info.terms.length === 0 ? (
                  t('studyNoTerms')
                ) : study.on ? (
                  <span class="study-part-count">
                    {t('studyBlanks', info.total)} · {t('studyProgress', info.revealed, info.total)}
                  </span>
                ) : (
                  info.terms.join(t('listSeparator'))
                )}
              </p>
              <div class="study-marks" role="group" aria-label={t('studyMarkLabel', heading)}>
                {(['known', 'again'] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    class={`mark-button ${value}`}
                    aria-pressed={mark === value ? 'true' : 'false'}
                    onClick={() => onMark(part.id, mark === value ? null : value)}
                  >
                    {value === 'known' ? t('studyKnown') : t('studyAgain')}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <ReviewList
        groups={review}
        onOpen={onOpenReview}
        headingId="gr-review-heading"
        hideTermsOf={study.on ? study.docId : null}
      />
    </div>
  );
}
