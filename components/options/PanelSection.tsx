// Panel side and default state, and the keyboard commands (set at the browser's shortcuts page).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../lib/i18n';
import type { ReaderCommand } from '../../lib/messages';
import { saveSettings } from '../../lib/storage/settings';
import type { Settings } from '../../lib/storage/schema';
import { Section } from './Section';

const COMMAND_LABELS: Record<ReaderCommand, MessageKey> = {
  'next-part': 'cmdNextPart',
  'previous-part': 'cmdPreviousPart',
  'toggle-panel': 'cmdTogglePanel',
  'toggle-highlights': 'cmdToggleHighlights',
  'toggle-study': 'cmdToggleStudy',
};

function Radio(props: { name: string; value: string; checked: boolean; label: string; onPick: () => void }) {
  return (
    <label class="choice">
      <input type="radio" name={props.name} value={props.value} checked={props.checked} onChange={props.onPick} />
      {props.label}
    </label>
  );
}

export function PanelSection(props: { settings: Settings }) {
  const { settings } = props;
  const [shortcuts, setShortcuts] = useState<{ name: string; shortcut: string }[]>([]);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setShortcuts(all.filter((c) => c.name && c.name in COMMAND_LABELS).map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '' }))))
      .catch(() => setShortcuts([]));
  }, []);
  return (
    <Section id="panel" title={t('optPanelHeading')}>
      <fieldset class="choices">
        <legend>{t('optPanelSide')}</legend>
        <Radio name="side" value="left" checked={settings.panelSide === 'left'} label={t('optSideLeft')} onPick={() => void saveSettings({ panelSide: 'left' })} />
        <Radio name="side" value="right" checked={settings.panelSide === 'right'} label={t('optSideRight')} onPick={() => void saveSettings({ panelSide: 'right' })} />
      </fieldset>
      <fieldset class="choices">
        <legend>{t('optPanelState')}</legend>
        <Radio name="state" value="open" checked={settings.panelOpen} label={t('optPanelOpen')} onPick={() => void saveSettings({ panelOpen: true })} />
        <Radio name="state" value="collapsed" checked={!settings.panelOpen} label={t('optPanelCollapsed')} onPick={() => void saveSettings({ panelOpen: false })} />
      </fieldset>
      {shortcuts.length > 0 ? (
        <div class="shortcuts">
          <h3 id="shortcuts-heading">{t('optShortcutsLabel')}</h3>
          <dl aria-labelledby="shortcuts-heading">
            {shortcuts.map((c) => (
              <div key={c.name} class="shortcut">
                <dt>{t(COMMAND_LABELS[c.name as ReaderCommand])}</dt>
                <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('optShortcutNone')}</span>}</dd>
              </div>
            ))}
          </dl>
          <p class="hint">{t('optShortcutsHint')}</p>
        </div>
      ) : null}
    </Section>
  );
}

export function HighlightSection(props: { settings: Settings }) {
  return (
    <Section id="highlight" title={t('optHighlightHeading')}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.settings.highlightsOn}
          onChange={(e) => void saveSettings({ highlightsOn: e.currentTarget.checked })}
        />
        {t('optHighlightLabel')}
      </label>
    </Section>
  );
}
