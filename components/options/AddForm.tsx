// A labelled one-line "add" form with its validation message, shared by the options sections.

interface Props {
  readonly id: string;
  readonly label: string;
  readonly addLabel: string;
  readonly value: string;
  /** The validation message ('' when none); announced, and tied to the field. */
  readonly error: string;
  readonly placeholder?: string;
  readonly inputMode?: 'text' | 'url';
  readonly onInput: (value: string) => void;
  readonly onSubmit: (event: Event) => void;
}

export function AddForm(props: Props) {
  const errorId = `${props.id}-error`;
  return (
    <form class="add-form" onSubmit={props.onSubmit} noValidate>
      <label for={props.id}>{props.label}</label>
      <div class="row">
        <input
          id={props.id}
          type="text"
          inputMode={props.inputMode}
          autoComplete="off"
          spellcheck={props.inputMode === 'url' ? false : undefined}
          placeholder={props.placeholder}
          value={props.value}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={errorId}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        <button type="submit">{props.addLabel}</button>
      </div>
      <p id={errorId} class="error" role="alert">
        {props.error}
      </p>
    </form>
  );
}
