// The active tab's document: title, progress, 继续阅读 (where it leads), this document's bookmarks
// with their notes, then parts with read state and one-click jumps — the popup's first screen;
// where the reader does not run, a button runs it once and the answer says why nothing was found.
import { useEffect, useState } from 'preact/hooks';
import type { PageStatus, PartStatus } from '../../lib/messages';
import { askJump, askResume, runReaderOnce } from '../../lib/tabs/active-tab';
import type { BookmarkGroup } from '../../lib/storage/documents';
import { DocBookmarks } from './DocBookmarks';
import { t } from '../../lib/i18n';
import { openSidePanel, sidePanelAvailable } from '../../lib/ui/side-panel-api';
import { DetectionWhy } from './DetectionWhy';
import { displayText } from '../../lib/document/display-text';

interface Props {
  readonly tabId: number | null;
  /** undefined while asking; null when no reader runs in the tab. */
  readonly status: PageStatus | null | undefined;
  /** This document's bookmarks (from storage), or null when it has none. */
  readonly bookmarks: BookmarkGroup | null;
}

/** The parts "已读 n/N" counts: the document's own, not a covering note or an attachment (as the panel counts). */
function countedParts(parts: readonly PartStatus[]): readonly PartStatus[] {
  const own = parts.filter((p) => p.group !== 'note' && p.group !== 'attachments');
  return own.length > 0 ? own : parts;
}

export function CurrentDocument({ tabId, status: initial, bookmarks }: Props) {
  const [ran, setRan] = useState<PageStatus | null | undefined>(undefined);
  const [error, setError] = useState('');
  const run = () => {
    if (tabId === null) return;
    setError('');
    // The browser refuses injection on its own pages and the store; say that, not its raw error.
    runReaderOnce(tabId).then(setRan, () => setError(t('popupCannotRun')));
  };
  // Clicking the toolbar button is the request: on a page outside the portals, run the reader once.
  useEffect(() => {
    if (initial === null && tabId !== null) run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per tab and first answer, not per render's new `run`
  }, [initial, tabId]);
  const status = ran === undefined ? initial : ran;
  if (status === undefined) return null;
  return (
    <section class="card" aria-labelledby="current-heading">
      <h2 id="current-heading">{t('popupCurrent')}</h2>
      {status === null ? (
        <>
          <p class="muted">{t('popupNotRunning')}</p>
          {tabId !== null && (
            <button type="button" class="run-here" onClick={run}>
              {t('popupRunHere')}
            </button>
          )}
          {error && (
            <p class="muted small" role="alert">
              {error}
            </p>
          )}
        </>
      ) : !status.found && status.reason === 'no-signals' ? (
        <>
          <p class="muted">{t('popupNoSignals')}</p>
          <DetectionWhy why={status.why} />
          {tabId !== null && (
            <button type="button" class="run-here" onClick={run}>
              {t('popupRunAnyway')}
            </button>
          )}
          {error && (
            <p class="muted small" role="alert">
              {error}
            </p>
          )}
        </>
      ) : !status.found ? (
        <p class="muted">
          {status.reason === 'disabled'
            ? t('popupSiteDisabled')
            : status.reason === 'login'
              ? t('popupLoginPage')
              : `${t('popupNoDocument')} ${t('popupNoDocumentWhy')}`}
        </p>
      ) : (
        <>
          <p class="doc-line">
            {status.kind && <span class="kind">{status.kind}</span>}
            <span class="doc-title">{status.title}</span>
          </p>
          <div
            class="meter"
            role="progressbar"
            aria-label={t('progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={status.percent}
          >
            <div class="meter-fill" style={{ width: `${status.percent}%` }} />
          </div>
          <p class="muted small">
            {t('progressValue', status.percent)} ·{' '}
            {t('partsRead', countedParts(status.parts).filter((p) => p.read).length, countedParts(status.parts).length)}
          </p>
          {tabId !== null && status.resume && (
            <button type="button" class="resume" onClick={() => void askResume(tabId).then(() => window.close())}>
              {t('resumeTo', displayText(status.resume))}
            </button>
          )}
          {bookmarks && <DocBookmarks group={bookmarks} tabId={tabId} />}
          <h3 class="parts-heading">{t('popupParts')}</h3>
          <ul class="parts">
            {status.parts.map((part) => (
              <li key={part.id}>
                <button
                  type="button"
                  class="link-like"
                  onClick={() => {
                    if (tabId !== null) void askJump(tabId, part.id).then(() => window.close());
                  }}
                >
                  {displayText(part.heading)}
                </button>
                {part.read && <span class="read-mark">{t('sectionRead')}</span>}
              </li>
            ))}
          </ul>
          {tabId !== null && sidePanelAvailable() && (
            <button
              type="button"
              class="run-here"
              onClick={() => {
                // Straight from the click: the browser opens its side panel only on a user gesture.
                openSidePanel(tabId);
                window.close();
              }}
            >
              {t('dockPanel')}
            </button>
          )}
          {status.why && <DetectionWhy why={status.why} requested={status.requested} />}
        </>
      )}
    </section>
  );
}
