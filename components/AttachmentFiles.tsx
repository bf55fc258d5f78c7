// The outline's 附件 group for the files the article links: each by its name and type, documents
// with 在导读中打开 (the viewer, in a new tab), spreadsheets and archives marked download-only.
// The name is the original link (it downloads or opens as on the page); nothing is intercepted.
import type { AttachmentLink } from '../lib/attachments/links';
import { t } from '../lib/i18n';
import { pure } from '../lib/ui/pure';
import { AttachmentOpen } from './AttachmentOpen';

interface Props {
  readonly files: readonly AttachmentLink[];
  /** The outline already ends in its 附件 group (attachment lines in the text): the files follow it under that heading. */
  readonly underGroup: boolean;
  readonly onOpen: (url: string) => void;
}

export const AttachmentFiles = pure(function AttachmentFiles({ files, underGroup, onOpen }: Props) {
  if (files.length === 0) return null;
  return (
    <section
      class={`attachment-files${underGroup ? ' under-group' : ''}`}
      aria-label={underGroup ? t('outlineGroupAttachments') : undefined}
      aria-labelledby={underGroup ? undefined : 'gr-attachment-files'}
    >
      {!underGroup && (
        <h3 class="outline-group-label" id="gr-attachment-files">
          {t('outlineGroupAttachments')}
        </h3>
      )}
      <ul class="attachment-list" aria-label={t('attachmentFilesLabel')}>
        {files.map((file) => (
          <li key={file.url} class="attachment-file">
            <a class="attachment-name" href={file.url} target="_blank" rel="noopener noreferrer">
              {file.name}
            </a>
            <span class="attachment-type">{file.type === 'file' ? '' : file.type.toUpperCase()}</span>
            {file.openable ? (
              <AttachmentOpen link={file} onOpen={onOpen} />
            ) : (
              <span class="attachment-note">{t('attachmentNotOpenable')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});
