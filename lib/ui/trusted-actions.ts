// Only the reader drives the reader: the panel's actions run only while a trusted event (a real
// click, key or form submit from the browser's input, `event.isTrusted`) is being dispatched inside
// the panel. One choke point for every action the panel can call, so no component needs to check.

/** Events the panel's controls act on. */
export const PANEL_EVENT_TYPES = [
  'click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'submit', 'change', 'input', 'beforeinput',
] as const;

export interface DispatchWatch {
  /** Starts following events dispatched inside `root` (the panel's container); returns a stop function. */
  watch(root: EventTarget): () => void;
  /** True only while a trusted event is being dispatched inside a watched root, and it is the innermost one. */
  inTrustedEvent(): boolean;
}

/**
 * Keeps the events currently being dispatched inside the panel (a capture listener on its root
 * sees each before any control does). An event whose dispatch has ended has eventPhase NONE and
 * is dropped; an untrusted event dispatched from inside a trusted one's handler is the innermost,
 * so it is judged, not the trusted one around it.
 */
export function createDispatchWatch(types: readonly string[] = PANEL_EVENT_TYPES): DispatchWatch {
  const stack: Event[] = [];
  const onEvent = (event: Event) => {
    prune();
    stack.push(event);
  };
  function prune(): void {
    while (stack.length > 0 && stack[stack.length - 1]!.eventPhase === 0) stack.pop();
  }
  return {
    watch(root) {
      for (const type of types) root.addEventListener(type, onEvent, { capture: true });
      return () => {
        for (const type of types) root.removeEventListener(type, onEvent, { capture: true });
      };
    },
    inTrustedEvent() {
      prune();
      return stack[stack.length - 1]?.isTrusted === true;
    },
  };
}

type AnyFunction = (...args: never[]) => unknown;

/**
 * The same actions, each doing nothing unless `allowed()` holds when it is called (and, when a
 * handler passes its event along as the first argument, unless that event is trusted too).
 * `onRefused` learns the name of each refused action.
 */
export function trustedOnly<A extends { [K in keyof A]: AnyFunction }>(
  actions: A,
  allowed: () => boolean,
  onRefused: (name: string) => void = () => {},
): A {
  const guarded = {} as A;
  for (const name of Object.keys(actions) as (keyof A & string)[]) {
    const action = actions[name];
    guarded[name] = ((...args: never[]) => {
      const first: unknown = args[0];
      const eventArg = typeof Event !== 'undefined' && first instanceof Event ? first : null;
      if (!allowed() || (eventArg && !eventArg.isTrusted)) {
        onRefused(name);
        return undefined;
      }
      return action(...args);
    }) as A[typeof name];
  }
  return Object.freeze(guarded);
}
