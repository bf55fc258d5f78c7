// Top of the panel: document kind, title, issuer and date.
import type { GongwenDocument } from '../lib/document/types';
import { t } from '../lib/i18n';

interface Props {
  readonly doc: GongwenDocument;
}

export function DocumentHeader({ doc }: Props) {
  return (
    <header class="doc-header">
      <div class="doc-header-row">
        <span class="brand">{t('panelLabel')}</span>
        {doc.kind && <span class="kind">{doc.kind}</span>}
      </div>
      {doc.title && <h1 class="doc-title">{doc.title}</h1>}
      <dl class="doc-meta">
        {doc.issuer && (
          <div>
            <dt>{t('issuerLabel')}</dt>
            <dd>{doc.issuer}</dd>
          </div>
        )}
        {doc.date && (
          <div>
            <dt>{t('dateLabel')}</dt>
            <dd>
              <time dateTime={doc.isoDate ?? undefined}>{doc.date}</time>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
