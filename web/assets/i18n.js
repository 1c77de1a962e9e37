// The interface languages and access to their texts. The texts are JSON files, one per
// language (i18n-zh.json, i18n-ru.json, i18n-en.json: flat key → text, `{name}` is replaced
// by a value), fetched when a language is chosen; app.js draws nothing before the chosen
// one is here, so no text shows in another language first. English is always loaded too:
// it stands in for a key another language lacks (tests/page_translations_test.cpp checks
// that none does, so that is only for a file that failed to load).
export const languages = ['zh', 'ru', 'en'];

// Names of the interface languages in themselves, for the selector.
export const nativeNames = { zh: '中文', ru: 'Русский', en: 'English' };

const messages = { zh: {}, ru: {}, en: {} };
const requests = new Map();
let current = 'en';

/** Fetches a language's texts once; a failed fetch is forgotten, so choosing the language again retries. */
function fetchTexts(lang) {
  if (!requests.has(lang)) {
    const request = fetch('/static/i18n-' + lang + '.json')
      .then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then((texts) => { messages[lang] = texts && typeof texts === 'object' ? texts : {}; },
        () => { requests.delete(lang); });
    requests.set(lang, request);
  }
  return requests.get(lang);
}

/** Resolves when the texts of `lang` and of English are loaded (or failed to: t() then shows keys). */
export async function loadLanguage(lang) {
  await Promise.all([fetchTexts('en'), fetchTexts(lang)]);
}

/** Makes `lang` the interface language of t(); its texts should be loaded first. */
export function useLanguage(lang) {
  if (languages.includes(lang)) current = lang;
}

export function uiLanguage() {
  return current;
}

export function t(key, vars = {}) {
  const text = messages[current][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Whether the page has a text for the key: codes from the server are named only when it does. */
export function hasText(key) {
  return Boolean(messages.en[key]);
}
