// Serves one connected panel (the frame on the page or the browser's side panel): sends the
// document once and the state on every change, and runs the actions the panel sends back.
import type { ReaderController } from './reader-controller';
import type { ReaderState } from '../../lib/ui/reader-state';
import { dispatchAction, isFromPanel, type PanelState, type ToPanel } from '../../lib/ui/panel-protocol';

export interface PanelChannel {
  post(message: ToPanel): void;
  listen(receive: (message: unknown) => void): void;
  close(): void;
}

export interface ServeOptions {
  /** Ends the service: no more state is sent and no action is run. */
  readonly signal: AbortSignal;
  /** The frame's content height changed (only the frame on the page reports it). */
  readonly onHeight?: (height: number) => void;
}

function panelState(state: ReaderState): PanelState {
  const { doc: _doc, ...rest } = state;
  return rest;
}

export function servePanel(
  controller: ReaderController,
  channel: PanelChannel,
  { signal, onHeight }: ServeOptions,
): void {
  if (signal.aborted) return;
  const store = controller.store;
  channel.post({ type: 'gongwen:doc', doc: store.get().doc });
  channel.post({ type: 'gongwen:state', state: panelState(store.get()) });
  const unsubscribe = store.subscribe((state) => channel.post({ type: 'gongwen:state', state: panelState(state) }));
  channel.listen((message) => {
    if (signal.aborted || !isFromPanel(message)) return;
    if (message.type === 'gongwen:height') onHeight?.(message.height);
    else if (message.type === 'gongwen:hello') return;
    else dispatchAction(controller.actions, message.action);
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
}
