// Panel side and default state, and the keyboard commands (set at the browser's shortcuts page).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../lib/i18n';
import type { ReaderCommand } from '../../lib/messages';
import { saveSettings } from '../../lib/storage/settings';
import type { Settings } from '../../lib/storage/schema';
import type { ManagedResult, ManagedSettingKey } from '../../lib/managed/validate';
import { Section } from './Section';
import { ManagedNote } from './ManagedSection';

const COMMAND_LABELS: Record<ReaderCommand, MessageKey> = {
  'next-part': 'cmdNextPart',
  'previous-part': 'cmdPreviousPart',
  'toggle-panel': 'cmdTogglePanel',
  'toggle-highlights': 'cmdToggleHighlights',
  'toggle-study': 'cmdToggleStudy',
};

function Radio(props: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
  onPick: () => void;
  disabled?: boolean;
}) {
  return (
    <label class="choice">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled}
        onChange={props.onPick}
      />
      {props.label}
    </label>
  );
}

const lockedBy = (managed: ManagedResult | undefined, key: ManagedSettingKey): boolean =>
  managed?.config.locked.includes(key) ?? false;

export function PanelSection(props: { settings: Settings; managed?: ManagedResult }) {
  const { settings, managed } = props;
  const sideLocked = lockedBy(managed, 'panelSide');
  const stateLocked = lockedBy(managed, 'panelOpen');
  const [shortcuts, setShortcuts] = useState<{ name: string; shortcut: string }[]>([]);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) =>
        setShortcuts(
          all
            .filter((c) => c.name && c.name in COMMAND_LABELS)
            .map((c) => ({ name: c.name!, shortcut: c.shortcut ?? '' })),
        ),
      )
      .catch(() => setShortcuts([]));
  }, []);
  return (
    <Section id="panel" title={t('optPanelHeading')}>
      <fieldset class="choices">
        <legend>{t('optPanelSide')}</legend>
        <Radio
          name="side"
          value="left"
          checked={settings.panelSide === 'left'}
          disabled={sideLocked}
          label={t('optSideLeft')}
          onPick={() => void saveSettings({ panelSide: 'left' })}
        />
        <Radio
          name="side"
          value="right"
          checked={settings.panelSide === 'right'}
          disabled={sideLocked}
          label={t('optSideRight')}
          onPick={() => void saveSettings({ panelSide: 'right' })}
        />
        {sideLocked && managed ? <ManagedNote managed={managed} /> : null}
      </fieldset>
      <fieldset class="choices">
        <legend>{t('optPanelState')}</legend>
        <Radio
          name="state"
          value="open"
          checked={settings.panelOpen}
          disabled={stateLocked}
          label={t('optPanelOpen')}
          onPick={() => void saveSettings({ panelOpen: true })}
        />
        <Radio
          name="state"
          value="collapsed"
          checked={!settings.panelOpen}
          disabled={stateLocked}
          label={t('optPanelCollapsed')}
          onPick={() => void saveSettings({ panelOpen: false })}
        />
        {stateLocked && managed ? <ManagedNote managed={managed} /> : null}
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

export function HighlightSection(props: { settings: Settings; managed?: ManagedResult }) {
  const locked = lockedBy(props.managed, 'highlightsOn');
  return (
    <Section id="highlight" title={t('optHighlightHeading')}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.settings.highlightsOn}
          disabled={locked}
          onChange={(e) => void saveSettings({ highlightsOn: e.currentTarget.checked })}
        />
        {t('optHighlightLabel')}
      </label>
      {locked && props.managed ? <ManagedNote managed={props.managed} /> : null}
    </Section>
  );
}
