// The panel's inner edge: drag (or use the arrow keys) to change its width. Pointer positions are
// taken on the screen, which stays put while the frame itself moves and grows.
import { useRef } from 'preact/hooks';
import type { Side } from '../lib/ui/layout';
import { PANEL_MAX, PANEL_MIN } from '../lib/prefs/panel-prefs';
import { t } from '../lib/i18n';

interface Props {
  readonly side: Side;
  readonly width: number;
  readonly onWidth: (width: number) => void;
}

const KEY_STEP = 20;

export function ResizeHandle({ side, width, onWidth }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  // The panel on the right grows to the left: its handle is on its left edge, and the other way round.
  const sign = side === 'right' ? -1 : 1;
  return (
    <div
      class={`resize-handle ${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={t('resizeLabel')}
      aria-valuemin={PANEL_MIN}
      aria-valuemax={PANEL_MAX}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(event) => {
        drag.current = { x: event.screenX, width };
        event.currentTarget.setPointerCapture(event.pointerId);
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        const start = drag.current;
        if (start) onWidth(start.width + sign * (event.screenX - start.x));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={(event) => {
        const delta = event.key === 'ArrowLeft' ? -KEY_STEP : event.key === 'ArrowRight' ? KEY_STEP : 0;
        if (!delta) return;
        event.preventDefault();
        onWidth(width + sign * delta);
      }}
    />
  );
}
