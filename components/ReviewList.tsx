// 复习: the parts marked 再看 in every document, with their key phrases; one click opens the part
// (in this page when it is the current document, else the document in a new tab). Panel and popup.
import type { ReviewEntry, ReviewGroup } from '../lib/study/review-list';
import { displayText } from '../lib/document/display-text';
import { t } from '../lib/i18n';

interface Props {
  readonly groups: readonly ReviewGroup[] | null;
  readonly onOpen: (group: ReviewGroup, entry: ReviewEntry) => void;
  /** Id of the list's heading (unique on its page). */
  readonly headingId: string;
  /** While study mode is on for this document, its phrases are answers: only their number shows. */
  readonly hideTermsOf?: string | null;
}

export function ReviewList({ groups, onOpen, headingId, hideTermsOf = null }: Props) {
  return (
    <section class="review" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reviewHeading')}</h2>
      {groups === null ? null : groups.length === 0 ? (
        <p class="muted">{t('reviewEmpty')}</p>
      ) : (
        <ul class="review-list" aria-label={t('reviewListLabel')}>
          {groups.map((group) => (
            <li key={group.docId} class="review-doc">
              <h3 class="review-title">{displayText(group.title ?? group.url ?? '')}</h3>
              <ul class="review-parts">
                {group.entries.map((entry) => (
                  <li key={entry.partId} class="review-part">
                    <button type="button" class="review-open" onClick={() => onOpen(group, entry)}>
                      {displayText(entry.heading)}
                    </button>
                    {entry.terms.length > 0 && group.docId === hideTermsOf ? (
                      <p class="review-terms muted">{t('studyBlanks', entry.terms.length)}</p>
                    ) : (
                      entry.terms.length > 0 && (
                        <ul class="review-terms">
                          {entry.terms.map((term) => (
                            <li key={term}>{term}</li>
                          ))}
                        </ul>
                      )
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
