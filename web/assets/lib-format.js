// Values as the page shows them: labels in the interface language, names of known codes,
// numbers, badges.
import { hasText, t, uiLanguage } from './i18n.js';
import { h } from './lib-dom.js';

/** A label as text: the preferred one when a list of variants is given. */
export function one(label) {
  return Array.isArray(label) ? String(label[0] ?? '') : label ? String(label) : '';
}

export function labelOf(labels, lang = uiLanguage()) {
  if (!labels) return '';
  return one(labels[lang]) || one(labels.en) || one(labels.ru) || one(labels.zh);
}

/** The name of a known code in the interface language; an unknown code as it is. */
export function named(prefix, code) { return hasText(prefix + code) ? t(prefix + code) : String(code ?? ''); }
export function kindName(kind) { return named('kind.', kind); }
export function langName(lang) { return named('lang.', lang); }
export function coopName(type) { return named('coop.', type); }

export function fixed(value, digits = 2) {
  const number = Number(value);
  return Number.isFinite(number) ? number.toFixed(digits) : '–';
}

export function percent(value) {
  const number = Number(value);
  return Number.isFinite(number) ? Math.round(number * 100) : 0;
}

export function clampInt(text, fallback, min, max) {
  const value = Number.parseInt(text, 10);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

export function badge(text, kind, extra = {}) {
  return h('span', { class: 'badge ' + kind, ...extra }, text);
}

export function langBadge(lang) {
  if (!lang) return null;
  return badge(langName(lang), 'lang', { 'data-lang': lang, title: langName(lang) });
}

export function kindBadge(kind) {
  if (!kind) return null;
  return badge(kindName(kind), 'kind kind-' + kind, { 'data-kind': kind });
}
