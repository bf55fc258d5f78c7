// The popup's review card for this tab's document, with the way to print it (the review page,
// one clean printed page) and to save it as Markdown (a download made here, no network).
import { browser } from 'wxt/browser';
import type { PageStatus } from '../../lib/messages';
import type { DocRecord } from '../../lib/storage/schema';
import { buildReviewCard, reviewCardMarkdown } from '../../lib/study/review-card';
import { t, uiLanguage } from '../../lib/i18n';
import { ReviewCardView } from '../ReviewCardView';
import { download } from '../DataTransfer';

interface Props {
  readonly tabId: number | null;
  readonly status: Extract<PageStatus, { found: true }>;
  readonly record: DocRecord | null;
}

/** The review page for a tab, printing itself when asked to. */
export function reviewPageUrl(tabId: number, print: boolean): string {
  return `${browser.runtime.getURL('/review.html' as never)}?tab=${tabId}${print ? '&print=1' : ''}`;
}

export function ReviewCardSection({ tabId, status, record }: Props) {
  const card = buildReviewCard({ title: status.title, kind: status.kind, parts: status.parts }, record);
  return (
    <section class="card" aria-labelledby="review-card-heading">
      <h2 id="review-card-heading">{t('reviewCardHeading')}</h2>
      <ReviewCardView card={card} />
      <div class="buttons card-actions">
        {tabId !== null && (
          <button type="button" onClick={() => void browser.tabs.create({ url: reviewPageUrl(tabId, true) })}>
            {t('reviewCardPrint')}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            download(
              `gongwen-review-${new Date().toISOString().slice(0, 10)}.md`,
              'text/markdown',
              reviewCardMarkdown(card, uiLanguage()),
            )
          }
        >
          {t('reviewCardExport')}
        </button>
      </div>
    </section>
  );
}
