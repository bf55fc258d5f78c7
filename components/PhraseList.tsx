// Key phrases: a legend in the colours painted on the page, then the phrases the document stresses
// (repeated or glossed, most frequent first) and the rest by category, each with its count; a gloss
// shows below its chip list, inside the panel; the highlight switch and the reader's own phrases
// (deleting one takes a second, unhurried press: ConfirmButton).
import { useState } from 'preact/hooks';
import type { PhraseItem } from '../lib/ui/reader-state';
import type { ColorPair } from '../lib/phrases/highlight-styles';
import { focusNoteKey, groupPhrases, type PhraseGroup } from '../lib/phrases/phrase-groups';
import { t, type MessageKey } from '../lib/i18n';
import { pure } from '../lib/ui/pure';
import { ConfirmButton } from './ConfirmButton';

const CATEGORY_LABEL: Record<string, MessageKey> = {
  organisation: 'catOrganisation',
  formula: 'catFormula',
  requirement: 'catRequirement',
  measure: 'catMeasure',
  numbered: 'catNumbered',
  quoted: 'catQuoted',
  user: 'catUser',
};

const label = (category: string): string => t(CATEGORY_LABEL[category] ?? 'catQuoted');
const keyOf = (phrase: PhraseItem): string => `${phrase.category}:${phrase.term}`;

interface Props {
  readonly phrases: readonly PhraseItem[];
  /** Study mode is on: the phrases are the blanks' answers, so only their number shows. */
  readonly studyOn: boolean;
  readonly highlightsOn: boolean;
  readonly hasSelection: boolean;
  /** The pairs painted on the page, by category: the legend and swatches show exactly these. */
  readonly colors: Readonly<Record<string, ColorPair>>;
  readonly onToggle: () => void;
  readonly onGoTo: (term: string) => void;
  readonly onAddSelection: () => void;
  readonly onRemove: (term: string) => void;
}

export const PhraseList = pure(function PhraseList(props: Props) {
  const { phrases, colors } = props;
  const categories = [...new Set(phrases.map((p) => p.category))];
  const groups = groupPhrases(phrases);
  // The chip whose gloss shows (hovered or focused); one at a time, in the panel's own flow of width.
  const [glossFor, setGlossFor] = useState<string | null>(null);
  const ids = new Map(phrases.map((p, i) => [keyOf(p), `gr-gloss-${i}`]));
  const swatch = (category: string) => colors[category]?.background;

  const chip = (phrase: PhraseItem) => {
    const key = keyOf(phrase);
    const show = phrase.gloss ? () => setGlossFor(key) : undefined;
    const hide = phrase.gloss ? () => setGlossFor((shown) => (shown === key ? null : shown)) : undefined;
    return (
      <li key={key} class="phrase-item">
        <button
          type="button"
          class="phrase"
          aria-label={t('phraseLabel', phrase.term, label(phrase.category), phrase.count)}
          aria-describedby={phrase.gloss ? ids.get(key) : undefined}
          title={t('phraseGoTo', phrase.term)}
          onClick={() => props.onGoTo(phrase.term)}
          onMouseEnter={show}
          onMouseLeave={hide}
          onFocus={show}
          onBlur={hide}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && glossFor !== null) {
              setGlossFor(null);
              event.stopPropagation();
            }
          }}
        >
          <span class="swatch" style={{ background: swatch(phrase.category) }} aria-hidden="true" />
          <span class="phrase-term">{phrase.term}</span>
          <span class="count">{t('phraseCount', phrase.count)}</span>
        </button>
        {phrase.category === 'user' && (
          <ConfirmButton
            name={t('removePhrase', phrase.term)}
            class="icon-button remove"
            onConfirm={() => props.onRemove(phrase.term)}
          >
            ×
          </ConfirmButton>
        )}
      </li>
    );
  };

  const group = (g: PhraseGroup<PhraseItem>) => {
    const glossed = g.rows.filter((p) => p.gloss);
    return (
      <li key={g.kind === 'focus' ? ':focus' : g.category} class={`phrase-group ${g.kind}`}>
        <h3 class="group-head">
          {g.kind === 'focus' ? (
            <>
              {t('phrasesFocus')}
              <span class="group-note">{t(focusNoteKey(g.rows))}</span>
            </>
          ) : (
            <>
              <span class="swatch" style={{ background: swatch(g.category) }} aria-hidden="true" />
              {label(g.category)}
            </>
          )}
        </h3>
        <div class="chips">
          <ul class="phrase-list">{g.rows.map(chip)}</ul>
          {/* Glosses sit under the chip list at its full width, so none is cut at the panel's edge. */}
          {glossed.map((p) => (
            <span key={keyOf(p)} class="gloss" role="tooltip" id={ids.get(keyOf(p))} hidden={glossFor !== keyOf(p)}>
              {p.gloss}
            </span>
          ))}
        </div>
      </li>
    );
  };

  return (
    <section class="phrases" aria-labelledby="gr-phrases-heading">
      <div class="section-head">
        <h2 id="gr-phrases-heading">{t('phrasesLabel')}</h2>
        <label class="switch">
          <input type="checkbox" role="switch" checked={props.highlightsOn} onChange={props.onToggle} />
          <span>{t('highlightToggle')}</span>
        </label>
      </div>
      {categories.length > 0 && (
        <ul class="legend" aria-hidden="true">
          {categories.map((category) => (
            <li key={category}>
              {/* The category's name painted as its phrases are painted on the page. */}
              <span
                class="legend-sample"
                data-category={category}
                style={{ color: colors[category]?.color, background: colors[category]?.background }}
              >
                {label(category)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {phrases.length === 0 ? (
        <p class="muted">{t('phrasesEmpty')}</p>
      ) : props.studyOn ? (
        <p class="muted study-hidden">{t('phrasesHiddenInStudy', phrases.length)}</p>
      ) : (
        <ul class="phrase-groups" aria-label={t('phrasesLabel')}>
          {groups.map(group)}
        </ul>
      )}
      <div class="add-phrase">
        <button
          type="button"
          class="small-button"
          disabled={!props.hasSelection}
          aria-describedby={props.hasSelection ? undefined : 'gr-add-why'}
          onClick={props.onAddSelection}
        >
          {t('addSelection')}
        </button>
        {!props.hasSelection && (
          <p class="muted add-why" id="gr-add-why">
            {t('addSelectionHint')}
          </p>
        )}
      </div>
    </section>
  );
});
