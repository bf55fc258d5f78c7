// Typed runtime messaging: a protocol is a map from message name to [request, reply]; one guard,
// one send helper and one handler map per protocol, so no reply is cast at a call site and no
// receiver dispatches through an if-chain. lib/messages.ts (tabs, background) and
// lib/storage/protocol.ts (the writer) are protocols in this shape.
//
// Written here (about 70 lines) rather than taken from @webext-core/messaging: that library puts
// its own envelope on the wire ({ id, type, data, timestamp }), so the scripts that talk to a tab
// by hand (scripts/corpus.mjs) would change; it checks no field of an incoming message, while ours
// come from content scripts too and are checked before a handler runs; and it would be one more
// runtime dependency (with its own polyfill import) for what these few lines do.
import { browser } from 'wxt/browser';

/** The shape every protocol map has: message name → [request fields, reply]. */
export type ProtocolMap<P> = { [K in keyof P]: readonly [object, unknown] };

export type RequestOf<P extends ProtocolMap<P>, K extends keyof P> = P[K][0];
export type ReplyOf<P extends ProtocolMap<P>, K extends keyof P> = P[K][1];

/** A message as sent: its name as `type`, its request fields beside it. */
export type MessageOf<P extends ProtocolMap<P>, K extends keyof P> = { readonly type: K } & RequestOf<P, K>;
export type AnyMessageOf<P extends ProtocolMap<P>> = { [K in keyof P]: MessageOf<P, K> }[keyof P];

/** Per message name: are a received message's fields well formed? (Content scripts send too: nothing is trusted.) */
export type FieldChecks<P> = { readonly [K in keyof P]: (message: Readonly<Record<string, unknown>>) => boolean };

/** Per message name, its handler; `context` is what the listener was given besides the message (the sender). */
export type Handlers<P extends ProtocolMap<P>, Context> = {
  readonly [K in keyof P]: (message: MessageOf<P, K>, context: Context) => ReplyOf<P, K> | Promise<ReplyOf<P, K>>;
};

/** A guard accepting exactly the protocol's messages whose fields pass their check. */
export function messageGuard<P extends ProtocolMap<P>>(
  checks: FieldChecks<P>,
): (value: unknown) => value is AnyMessageOf<P> {
  return (value: unknown): value is AnyMessageOf<P> => {
    if (typeof value !== 'object' || value === null) return false;
    const type = (value as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return false;
    return checks[type as keyof P](value as Readonly<Record<string, unknown>>);
  };
}

/**
 * An onMessage listener answering the protocol's messages with their handler's reply; anything
 * else gets undefined, i.e. is left to the other listeners (the writer's and this one share the
 * background).
 */
export function handleWith<P extends ProtocolMap<P>, Context>(
  isMessage: (value: unknown) => value is AnyMessageOf<P>,
  handlers: Handlers<P, Context>,
): (message: unknown, context: Context) => Promise<unknown> | undefined {
  return (message, context) => {
    if (!isMessage(message)) return undefined;
    // The guard checked the fields for this very type, so its handler takes the message.
    const handler = handlers[message.type] as (message: AnyMessageOf<P>, context: Context) => unknown;
    return Promise.resolve(handler(message, context));
  };
}

/** Sends to the background (from a content script or an extension page). */
export function backgroundSender<P extends ProtocolMap<P>>() {
  return <K extends keyof P>(message: MessageOf<P, K>): Promise<ReplyOf<P, K>> =>
    browser.runtime.sendMessage(message) as Promise<ReplyOf<P, K>>;
}

/** Sends to the content scripts of a tab; undefined when none of them answered. */
export function tabSender<P extends ProtocolMap<P>>() {
  return <K extends keyof P>(tabId: number, message: MessageOf<P, K>): Promise<ReplyOf<P, K> | undefined> =>
    browser.tabs.sendMessage(tabId, message) as Promise<ReplyOf<P, K> | undefined>;
}
