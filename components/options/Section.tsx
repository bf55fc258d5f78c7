// One settings section: a region named by its heading, with an optional short introduction.
import type { ComponentChildren } from 'preact';

export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  const headingId = `${props.id}-heading`;
  return (
    <section class="opt-section" id={props.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.intro ? <p class="intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
