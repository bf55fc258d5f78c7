// User-facing text: every string comes from public/_locales through the browser's i18n API.
import { browser } from 'wxt/browser';
import type zhMessages from '../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zhMessages;

/** Messages without substitutions, looked up once: the panel asks for the same labels on every row. */
const plain = new Map<MessageKey, string>();

/** Translated message; falls back to the key so a missing entry is visible, never blank. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (substitutions.length === 0) {
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = lookup(key, [])));
    return text;
  }
  return lookup(key, substitutions.map(String));
}

function lookup(key: MessageKey, subs: string[]): string {
  // Keys are checked against our own zh_CN messages (MessageKey), not WXT's generated copy,
  // which lags behind until the next `wxt prepare`.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const text = getMessage(key, subs.length ? subs : undefined);
  return text || key;
}

/** 'zh' when the browser UI speaks Chinese, else 'en' (for exports and number formats). */
export function uiLanguage(): 'zh' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
