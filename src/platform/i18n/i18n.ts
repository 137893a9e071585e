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
