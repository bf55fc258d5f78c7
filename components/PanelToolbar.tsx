// The panel's own controls: text size, side, docking in the browser's side panel, and closing.
import type { Side } from '../lib/ui/layout';
import { stepTextSize, TEXT_SIZES, type TextSize } from '../lib/prefs/panel-prefs';
import { t } from '../lib/i18n';

interface Props {
  /** 'frame': the panel on the page; 'side': the browser's side panel. */
  readonly host: 'frame' | 'side';
  readonly side: Side;
  readonly textSize: TextSize;
  readonly canDock: boolean;
  readonly onTextSize: (size: TextSize) => void;
  readonly onSide: (side: Side) => void;
  readonly onDock: () => void;
  readonly onClose: () => void;
}

export function PanelToolbar({ host, side, textSize, canDock, onTextSize, onSide, onDock, onClose }: Props) {
  const smallest = textSize === TEXT_SIZES[0];
  const largest = textSize === TEXT_SIZES[TEXT_SIZES.length - 1];
  return (
    <div class="toolbar" role="group" aria-label={t('panelToolsLabel')}>
      <div class="size-control" role="group" aria-label={t('textSizeLabel', textSize)}>
        <button
          type="button"
          class="tool"
          aria-label={t('textSmaller')}
          title={t('textSmaller')}
          disabled={smallest}
          onClick={() => onTextSize(stepTextSize(textSize, -1))}
        >
          A−
        </button>
        <button
          type="button"
          class="tool"
          aria-label={t('textLarger')}
          title={t('textLarger')}
          disabled={largest}
          onClick={() => onTextSize(stepTextSize(textSize, 1))}
        >
          A+
        </button>
      </div>
      {host === 'frame' && (
        <button
          type="button"
          class="tool"
          aria-label={side === 'right' ? t('moveLeft') : t('moveRight')}
          title={side === 'right' ? t('moveLeft') : t('moveRight')}
          onClick={() => onSide(side === 'right' ? 'left' : 'right')}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d={side === 'right' ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'} />
          </svg>
        </button>
      )}
      {canDock && (
        <button type="button" class="tool" aria-label={t('dockPanel')} title={t('dockPanel')} onClick={onDock}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
            <path d="M10 2.5v11" />
          </svg>
        </button>
      )}
      <button
        type="button"
        class="tool close"
        aria-label={host === 'frame' ? t('collapsePanelLabel') : t('undockLabel')}
        aria-expanded={host === 'frame' ? 'true' : undefined}
        title={host === 'frame' ? t('collapsePanelLabel') : t('undockLabel')}
        onClick={onClose}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
