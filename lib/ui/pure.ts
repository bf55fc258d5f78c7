// Wraps a function component so it re-renders only when one of its props changed (shallowly):
// the panel re-renders on every scroll-spy step, and most of it does not change with the reader's place.
import { Component, h, type FunctionComponent } from 'preact';

export function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function pure<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    static override displayName = `Pure(${inner.displayName ?? inner.name})`;

    override shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next);
    }

    override render() {
      return h(inner, this.props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}
