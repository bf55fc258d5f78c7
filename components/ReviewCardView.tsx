// The review card (复习卡) of one document: its parts with the student's marks, the bookmarks
// with notes, the key phrases still to learn. The popup shows it; the review page prints it.
import type { ReviewCard } from '../lib/study/review-card';
import { t } from '../lib/i18n';

interface Props {
  readonly card: ReviewCard;
}

export function ReviewCardView({ card }: Props) {
  const none = <p class="muted">{t('reviewCardNone')}</p>;
  return (
    <div class="review-card">
      <div class="card-section">
        <h3>{t('reviewCardParts')}</h3>
        {card.parts.length === 0 ? none : (
          <ol class="card-parts">
            {card.parts.map((part) => (
              <li key={part.id}>
                <span class="card-part-heading">{part.heading}</span>
                {part.mark && <span class={`card-mark ${part.mark}`}>{part.mark === 'known' ? t('studyKnown') : t('studyAgain')}</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div class="card-section">
        <h3>{t('reviewCardBookmarks')}</h3>
        {card.bookmarks.length === 0 ? none : (
          <ul class="card-bookmarks">
            {card.bookmarks.map((b) => (
              <li key={b.sectionId}>
                <span class="card-bookmark-heading">{b.heading}</span>
                {b.note && <p class="note">{b.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="card-section">
        <h3>{t('reviewCardToLearn')}</h3>
        {card.toLearn.length === 0 ? none : (
          <ul class="card-learn">
            {card.toLearn.map((group) => (
              <li key={group.partId}>
                <span class="card-learn-part">{group.heading}</span>
                <ul class="card-terms">
                  {group.terms.map((term) => (
                    <li key={term}>{term}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
