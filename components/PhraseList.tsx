// Key phrases: legend of categories, each phrase with its colour, count and gloss; toggle and own phrases.
import type { PhraseItem } from '../lib/ui/reader-state';
import { t, type MessageKey } from '../lib/i18n';
import { pure } from '../lib/ui/pure';

const CATEGORY_LABEL: Record<string, MessageKey> = {
  formula: 'catFormula',
  requirement: 'catRequirement',
  measure: 'catMeasure',
  numbered: 'catNumbered',
  quoted: 'catQuoted',
  user: 'catUser',
};

interface Props {
  readonly phrases: readonly PhraseItem[];
  readonly highlightsOn: boolean;
  readonly hasSelection: boolean;
  readonly swatches: Readonly<Record<string, string>>;
  readonly onToggle: () => void;
  readonly onGoTo: (term: string) => void;
  readonly onAddSelection: () => void;
  readonly onRemove: (term: string) => void;
}

export const PhraseList = pure(function PhraseList(props: Props) {
  const { phrases, swatches } = props;
  const categories = [...new Set(phrases.map((p) => p.category))];
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
              <span class="swatch" style={{ background: swatches[category] }} />
              {t(CATEGORY_LABEL[category] ?? 'catQuoted')}
            </li>
          ))}
        </ul>
      )}
      {phrases.length === 0 ? (
        <p class="muted">{t('phrasesEmpty')}</p>
      ) : (
        <ul class="phrase-list" aria-label={t('phrasesLabel')}>
          {phrases.map((phrase, index) => (
            <li key={`${phrase.category}:${phrase.term}`} class="phrase-item">
              <button
                type="button"
                class="phrase"
                aria-label={t('phraseLabel', phrase.term, t(CATEGORY_LABEL[phrase.category] ?? 'catQuoted'), phrase.count)}
                aria-describedby={phrase.gloss ? `gr-gloss-${index}` : undefined}
                title={t('phraseGoTo', phrase.term)}
                onClick={() => props.onGoTo(phrase.term)}
              >
                <span class="swatch" style={{ background: swatches[phrase.category] }} aria-hidden="true" />
                <span class="phrase-term">{phrase.term}</span>
                <span class="count">{t('phraseCount', phrase.count)}</span>
              </button>
              {phrase.category === 'user' && (
                <button type="button" class="icon-button remove" aria-label={t('removePhrase', phrase.term)} onClick={() => props.onRemove(phrase.term)}>
                  ×
                </button>
              )}
              {phrase.gloss && (
                <span class="gloss" role="tooltip" id={`gr-gloss-${index}`}>
                  {phrase.gloss}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="small-button add-phrase" disabled={!props.hasSelection} onClick={props.onAddSelection} title={t('addSelectionHint')}>
        {t('addSelection')}
      </button>
    </section>
  );
});
