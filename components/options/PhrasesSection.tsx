// The reader's own key phrases: the same list the panel's "add selection" adds to; deleting one
// takes a second, unhurried press (ConfirmButton).
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { normalizeUserPhrase, userPhraseLimit } from '../../lib/phrases/user-phrases';
import { addUserPhrase, removeUserPhrase } from '../../lib/storage/settings';
import { ConfirmButton } from '../ConfirmButton';
import { Section } from './Section';
import { AddForm } from './AddForm';

export function PhrasesSection(props: { phrases: readonly string[] }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = normalizeUserPhrase(value, props.phrases);
    if (!result.ok) {
      setStatus('');
      setError(
        result.reason === 'empty'
          ? t('optPhraseEmpty')
          : result.reason === 'too-long'
            ? t('optPhraseTooLong')
            : result.reason === 'limit'
              ? t('phraseLimitReached', userPhraseLimit)
              : t('phraseDuplicate'),
      );
      return;
    }
    await addUserPhrase(result.phrase);
    setValue('');
    setError('');
    setStatus(t('optPhraseAdded', result.phrase));
  };

  return (
    <Section id="phrases" title={t('optPhrasesHeading')} intro={t('optPhrasesIntro')}>
      <AddForm
        id="phrase-input"
        label={t('optPhraseInputLabel')}
        addLabel={t('optPhraseAdd')}
        value={value}
        error={error}
        onInput={(next) => {
          setValue(next);
          setError('');
        }}
        onSubmit={onSubmit}
      />
      {props.phrases.length === 0 ? (
        <p class="muted">{t('optPhrasesEmpty')}</p>
      ) : (
        <ul class="item-list" aria-label={t('optPhrasesHeading')}>
          {props.phrases.map((phrase) => (
            <li key={phrase}>
              <span>{phrase}</span>
              <span class="actions">
                <ConfirmButton name={t('removePhrase', phrase)} onConfirm={() => void removeUserPhrase(phrase)}>
                  {t('optPortalRemove')}
                </ConfirmButton>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </Section>
  );
}
