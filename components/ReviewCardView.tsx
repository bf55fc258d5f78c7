// The review card (复习卡) of one document, part by part: the student's mark, the bookmarks in the
// part with their notes, the key phrases still to learn. The popup shows it; the review page prints it.
import type { CardBookmark, ReviewCard } from '../lib/study/review-card';
import { t } from '../lib/i18n';

interface Props {
  readonly card: ReviewCard;
}

function Bookmarks({ list }: { readonly list: readonly CardBookmark[] }) {
  return (
    <ul class="card-bookmarks">
      {list.map((b) => (
        <li key={b.sectionId}>
          <span class="card-bookmark-heading">{b.heading}</span>
          {b.note && <p class="note">{b.note}</p>}
        </li>
      ))}
    </ul>
  );
}

export function ReviewCardView({ card }: Props) {
  return (
    <div class="review-card">
      <ol class="card-parts">
        {card.parts.map((part) => (
          <li key={part.id} class="card-part">
            <p class="card-part-line">
              <span class="card-part-heading">{part.heading}</span>
              {part.mark && (
                <span class={`card-mark ${part.mark}`}>
                  {part.mark === 'known' ? t('studyKnown') : t('studyAgain')}
                </span>
              )}
            </p>
            {part.toLearn.length > 0 && (
              <div class="card-learn">
                <span class="card-label">{t('reviewCardToLearn')}</span>
                <ul class="card-terms">
                  {part.toLearn.map((term) => (
                    <li key={term}>{term}</li>
                  ))}
                </ul>
              </div>
            )}
            {part.bookmarks.length > 0 && <Bookmarks list={part.bookmarks} />}
          </li>
        ))}
      </ol>
      {card.otherBookmarks.length > 0 && (
        <div class="card-other">
          <span class="card-label">{t('reviewCardBookmarks')}</span>
          <Bookmarks list={card.otherBookmarks} />
        </div>
      )}
      {card.parts.length === 0 && card.otherBookmarks.length === 0 && <p class="muted">{t('reviewCardNone')}</p>}
    </div>
  );
}
