// The one dictionary of every page, Chinese first with an English switch. Entries are pairs
// [中文, English]; shared words live in ./words.ts, each area adds its own in
// src/areas/<area>/words.ts (keys prefixed with the area's name). A missing key shows the key,
// and the DictionaryTest (npm run check) refuses entries without both languages.
import { ref } from 'vue'
import shared from './words'

export type Words = Record<string, readonly [string, string]>
export type Locale = 'zh-CN' | 'en'

const parts = import.meta.glob<{ default: Words }>('../areas/*/words.ts', { eager: true })
const dictionary: Words = { ...shared }
for (const part of Object.values(parts)) Object.assign(dictionary, part.default)

const KEY = 'minsheng.locale'
export const locale = ref<Locale>((localStorage.getItem(KEY) as Locale) === 'en' ? 'en' : 'zh-CN')

export function currentLocale(): Locale {
  return locale.value
}

export function setLocale(l: Locale) {
  locale.value = l
  localStorage.setItem(KEY, l)
  document.documentElement.lang = l
}

/** The words for a key in the current language; {0}, {1} … or {name} are filled from params. */
export function t(key: string, ...params: unknown[]): string {
  const entry = dictionary[key]
  let text = entry ? entry[locale.value === 'en' ? 1 : 0] : key
  if (params.length === 1 && params[0] !== null && typeof params[0] === 'object') {
    const named = params[0] as Record<string, unknown>
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in named ? String(named[k] ?? '') : m))
  }
  return text.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < params.length ? String(params[Number(i)] ?? '') : m))
}

/** True when the dictionary knows the key (used to fall back gracefully for new enum values). */
export function has(key: string): boolean {
  return key in dictionary
}

export function allKeys(): string[] {
  return Object.keys(dictionary)
}
