// Export all reading data (JSON to re-import, Markdown to read) and import a JSON export;
// used by the popup and the options page.
import { useState } from 'preact/hooks';
import { IMPORT_MAX_BYTES, exportJson, exportMarkdown, type ImportError } from '../lib/storage/export-import';
import { importData, loadDocuments } from '../lib/storage/documents';
import { loadSettings } from '../lib/storage/settings';
import { t, uiLanguage } from '../lib/i18n';

export function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function importErrorMessage(error: ImportError): string {
  switch (error.code) {
    case 'not-json':
      return t('importNotJson');
    case 'wrong-format':
      return t('importWrongFormat');
    case 'unsupported-version':
      return t('importUnsupportedVersion');
    case 'too-large':
      return t('importTooLarge', IMPORT_MAX_BYTES / 1024 / 1024);
    default:
      return t('importInvalidRecord', error.path ?? '');
  }
}

/** A write the writer refused, in one line. */
export function storageFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'store-full') return t('storageFull');
  if (code === 'quota') return t('storageError', t('storageQuota'));
  return t('storageError', error instanceof Error ? error.message : String(error));
}

export function DataTransfer() {
  const [message, setMessage] = useState('');
  const stamp = () => new Date().toISOString().slice(0, 10);
  return (
    <section class="card" aria-label={t('dataTransferLabel')}>
      <div class="buttons">
        <button
          type="button"
          onClick={async () => {
            const { docs, kept } = await loadDocuments();
            download(
              `gongwen-reader-${stamp()}.json`,
              'application/json',
              exportJson(docs, await loadSettings(), new Date(), kept),
            );
          }}
        >
          {t('popupExportJson')}
        </button>
        <button
          type="button"
          onClick={async () => {
            const { docs } = await loadDocuments();
            download(`gongwen-reader-${stamp()}.md`, 'text/markdown', exportMarkdown(docs, uiLanguage()));
          }}
        >
          {t('popupExportMarkdown')}
        </button>
        <label class="file-button">
          {t('popupImport')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              input.value = '';
              // Refused before it is read: a huge file would stall the page and then fill the store.
              if (file.size > IMPORT_MAX_BYTES) {
                setMessage(importErrorMessage({ code: 'too-large' }));
                return;
              }
              try {
                const result = await importData(await file.text());
                setMessage(
                  result.ok ? t('importDone', result.added + result.merged) : importErrorMessage(result.error),
                );
              } catch (error) {
                setMessage(storageFailure(error));
              }
            }}
          />
        </label>
      </div>
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
