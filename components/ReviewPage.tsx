// The review page: the card at reading size with the document's title, and buttons to print it
// or save it as Markdown; the buttons stay off paper (review.css's print rules).
import type { PageStatus } from '../lib/messages';
import type { DocRecord } from '../lib/storage/schema';
import { buildReviewCard, reviewCardMarkdown } from '../lib/study/review-card';
import { t, uiLanguage } from '../lib/i18n';
import { ReviewCardView } from './ReviewCardView';
import { download } from './DataTransfer';

interface Props {
  readonly card: { readonly status: Extract<PageStatus, { found: true }>; readonly record: DocRecord | null } | null;
}

export function ReviewPage({ card: source }: Props) {
  if (!source) {
    return (
      <main class="review-page">
        <p class="muted">{t('reviewCardNoDocument')}</p>
      </main>
    );
  }
  const { status, record } = source;
  const card = buildReviewCard({ title: status.title, kind: status.kind, parts: status.parts }, record);
  return (
    <main class="review-page">
      <header class="review-head">
        <p class="review-kicker">
          {t('reviewCardHeading')}
          {card.kind && <span class="kind">{card.kind}</span>}
        </p>
        <h1>{card.title ?? ''}</h1>
      </header>
      <ReviewCardView card={card} />
      <div class="review-actions">
        <button type="button" onClick={() => window.print()}>
          {t('reviewPrint')}
        </button>
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
    </main>
  );
}
