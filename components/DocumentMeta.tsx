// The document's issuer and date, as printed.
import type { GongwenDocument } from '../lib/document/types';
import { t } from '../lib/i18n';

interface Props {
  readonly doc: GongwenDocument;
}

export function DocumentMeta({ doc }: Props) {
  if (!doc.issuer && !doc.date) return null;
  return (
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
  );
}
