// Stored records that cannot be read (damaged, or from a newer version): counted and named, kept
// as they were, with an export of them as stored. Shown in the popup and the options page.
import type { KeptRecord } from '../lib/storage/documents';
import { exportJson } from '../lib/storage/export-import';
import { t } from '../lib/i18n';
import { download } from './DataTransfer';

function name(record: KeptRecord): string {
  const label = record.title ?? record.key.replace(/^doc:/, '');
  return record.reason === 'newer'
    ? `${label} · ${t('storageKeptNewer')}`
    : record.path
      ? `${label} · ${record.path}`
      : label;
}

export function KeptRecords(props: { kept: readonly KeptRecord[] }) {
  const { kept } = props;
  if (kept.length === 0) return null;
  return (
    <div class="notice" role="alert">
      <p>
        {t('storageKeptAside', kept.length, kept.slice(0, 5).map(name).join('; ') + (kept.length > 5 ? '; …' : ''))}
      </p>
      <button
        type="button"
        onClick={() =>
          download(
            `gongwen-reader-unreadable-${new Date().toISOString().slice(0, 10)}.json`,
            'application/json',
            exportJson([], undefined, new Date(), kept),
          )
        }
      >
        {t('storageExportKept')}
      </button>
    </div>
  );
}
