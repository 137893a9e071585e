import { en, zhTW, type MessageKey } from './catalog.ts';

export type Locale = 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-TW', 'en'];
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-TW': zhTW, en };

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key] ?? zhTW[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}

export function parseLocale(value: unknown): Locale | null {
  return value === 'en' ? 'en' : value === 'zh-TW' ? 'zh-TW' : null;
}

/** The value for <html lang>. */
export function htmlLang(locale: Locale): string {
  return locale === 'en' ? 'en' : 'zh-Hant-TW';
}

export type { MessageKey };

/**
 * A module's own messages, zh-TW first with an English twin (same keys, checked by the type):
 *   const m = defineMessages({ title: '職缺' }, { title: 'Job' });  …  m(ctx.locale).title
 */
export function defineMessages<K extends string>(zh: Record<K, string>, english: Record<K, string>): (locale: Locale) => Record<K, string> {
  return (locale) => (locale === 'en' ? english : zh);
}

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
