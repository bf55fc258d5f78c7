// Export all reading data (JSON to re-import, Markdown to read) and import a JSON export;
// used by the popup and the options page.
import { useState } from 'preact/hooks';
import { exportJson, exportMarkdown, type ImportError } from '../lib/storage/export-import';
import { importData, loadDocuments, loadSettings } from '../lib/storage/repository';
import { t, uiLanguage } from '../lib/i18n';

function download(name: string, type: string, text: string) {
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
    default:
      return t('importInvalidRecord', error.path ?? '');
  }
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
            const { docs } = await loadDocuments();
            download(`gongwen-reader-${stamp()}.json`, 'application/json', exportJson(docs, await loadSettings()));
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
              const result = await importData(await file.text());
              setMessage(result.ok ? t('importDone', result.added + result.merged) : importErrorMessage(result.error));
              input.value = '';
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
