// Recently read documents with their progress, each opening its page.
import type { DocRecord } from '../../lib/storage/schema';
import { t } from '../../lib/i18n';
import { openDocument } from '../../lib/tabs/open-document';

export function RecentList({ docs }: { readonly docs: readonly DocRecord[] }) {
  return (
    <section class="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('popupRecent')}</h2>
      {docs.length === 0 ? (
        <p class="muted">{t('popupRecentEmpty')}</p>
      ) : (
        <ul class="recent">
          {docs.map((doc) => (
            <li key={doc.id}>
              <a href={doc.urls[0] ?? '#'} onClick={(event) => openDocument(event, doc.urls[0])}>
                {doc.title ?? doc.urls[0]}
              </a>
              <span class="percent" aria-label={t('progressValue', doc.percent)}>
                {t('progressShort', doc.percent)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
