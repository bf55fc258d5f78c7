// The reader's panel as an extension page. One page, two places: in the reader's frame on a
// page (rail or full panel) and in the browser's side panel (docked outline). It shows what its
// reader sends and sends back the reader's actions; it holds no state of its own.
import { render } from 'preact';
import type { GongwenDocument } from '../../lib/document/types';
import type { ReaderState } from '../../lib/ui/reader-state';
import { actionSender, isToPanel, type FromPanel, type PanelState } from '../../lib/ui/panel-protocol';
import { t, uiLanguage } from '../../lib/i18n';
import { PanelApp } from '../../components/PanelApp';
import { linkFrame, linkSidePanel, type LinkEvents } from './connect';
import { openSidePanel, sidePanelAvailable } from '../../lib/ui/side-panel-api';
import '../../components/panel.css';
import { PANEL_MARKS, mark } from '../../lib/ui/panel-marks';

mark(PANEL_MARKS.script);

const inFrame = window.top !== window;
const host = inFrame ? 'frame' : 'side';
document.documentElement.lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
document.documentElement.classList.add(inFrame ? 'in-frame' : 'in-side-panel');
const root = document.getElementById('app')!;

let doc: GongwenDocument | null = null;
let state: PanelState | null = null;
let connected = false;
let frameTab: number | null = null;

const events: LinkEvents = {
  receive(message) {
    if (!isToPanel(message)) return;
    if (message.type === 'gongwen:doc') doc = message.doc;
    else state = message.state;
    draw();
  },
  connected(on) {
    connected = on;
    if (!on) {
      doc = null;
      state = null;
    }
    draw();
  },
};

let send: (message: FromPanel) => void;
if (inFrame) {
  const { link, tabId } = linkFrame(events);
  send = link.send;
  void tabId.then((id) => (frameTab = id));
} else {
  const param = new URLSearchParams(location.search).get('tab');
  const fixed = param !== null && /^\d+$/.test(param) ? Number(param) : null;
  send = linkSidePanel(events, fixed).send;
}
const actions = actionSender((message) => send(message));
const onHeight = (height: number) => send({ type: 'gongwen:height', height });

const dock = sidePanelAvailable()
  ? () => {
      // Called straight from the click: the browser opens its side panel only on a user gesture.
      if (frameTab !== null) openSidePanel(frameTab);
    }
  : null;

const undock = () => {
  actions.setOpen(true);
  window.close();
};

function draw() {
  if (doc && state) {
    const full: ReaderState = { ...state, doc };
    render(
      <PanelApp
        state={full}
        actions={actions}
        host={host}
        onDock={inFrame ? dock : null}
        onUndock={undock}
        onHeight={onHeight}
      />,
      root,
    );
    mark(PANEL_MARKS.drawn);
  } else if (!inFrame) {
    render(<p class="side-empty">{connected ? t('sidePanelWaiting') : t('sidePanelNoDocument')}</p>, root);
  } else {
    render(null, root);
  }
}
draw();
