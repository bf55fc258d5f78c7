// The 在导读中打开 control for one attachment: its accessible name says the action and the file,
// so each row's button is told apart by a screen reader (and by the end-to-end tests).
import type { AttachmentLink } from '../lib/attachments/links';
import { t } from '../lib/i18n';

interface Props {
  readonly link: AttachmentLink;
  readonly onOpen: (url: string) => void;
  readonly primary?: boolean;
}

export function AttachmentOpen({ link, onOpen, primary = false }: Props) {
  return (
    <button
      type="button"
      class={`small-button attachment-open${primary ? ' primary' : ''}`}
      aria-label={t('attachmentOpenLabel', link.name)}
      onClick={() => onOpen(link.url)}
    >
      {t('attachmentOpen')}
    </button>
  );
}
