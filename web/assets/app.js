// The TechBridge page: hash routing over the JSON API (docs/api.md). This module wires the
// routes to the page modules (page-*.js) and the interface language; the shared helpers
// are the lib-*.js modules and i18n.js. Every text that comes from the server is inserted
// as text (textContent or text nodes), never parsed as HTML.
import { languages, loadLanguage, t, uiLanguage, useLanguage } from './i18n.js';
import { errorBox } from './lib-api.js';
import { add, h, pageHeading, replace } from './lib-dom.js';
import { loadMeta } from './lib-meta.js';
import { parseHash, setDrawer } from './lib-route.js';
import { documentPage } from './page-document.js';
import { expoPage } from './page-expo.js';
import { finderPage } from './page-finder.js';
import { importPage } from './page-import.js';
import { landscapePage } from './page-landscape.js';
import { matchPage } from './page-match.js';
import { searchPage } from './page-search.js';
import { thesaurusPage } from './page-thesaurus.js';

const LANG_KEY = 'techbridge.lang';

const routes = {
  search: searchPage,
  doc: documentPage,
  match: matchPage,
  finder: finderPage,
  landscape: landscapePage,
  import: importPage,
  thesaurus: thesaurusPage,
  expo: expoPage,
};

// `ticket` tells a page whether it is still the one shown when its answer arrives.
const state = { ticket: 0, lastPath: null, wantedLang: null };

const main = document.getElementById('main');

async function render() {
  const route = parseHash();
  const name = route.segments[0] || 'search';
  const page = routes[name] || notFoundPage;
  const ticket = ++state.ticket;
  const firstRender = state.lastPath === null;
  const samePage = state.lastPath === route.path;
  state.lastPath = route.path;
  const focusedId = document.activeElement && main.contains(document.activeElement) ? document.activeElement.id : '';

  for (const link of document.querySelectorAll('#site-nav a')) {
    if (link.dataset.route === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const root = h('div', { class: 'page page-' + name });
  replace(main, root);
  const alive = () => ticket === state.ticket;
  const done = page(root, route, alive);
  if (focusedId) {
    const again = document.getElementById(focusedId);
    if (again) again.focus();
  } else if (!samePage && !firstRender) {
    const heading = root.querySelector('h1');
    if (heading && document.activeElement !== document.getElementById('ui-lang')) heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  try { await done; } catch (error) {
    if (alive()) add(root, errorBox(error));
  }
}

function notFoundPage(root) {
  add(root, pageHeading(t('error.404')), h('p', {}, t('error.page')),
    h('p', {}, h('a', { href: '#/search' }, t('doc.back'))));
}

function applyStaticTexts() {
  document.documentElement.lang = uiLanguage();
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  document.getElementById('ui-lang').value = uiLanguage();
}

async function setLanguage(lang) {
  if (!languages.includes(lang)) return;
  state.wantedLang = lang;
  await loadLanguage(lang);
  // Switched again while these texts loaded: the later choice is the one that counts.
  if (state.wantedLang !== lang) return;
  useLanguage(lang);
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* storage disabled */ }
  applyStaticTexts();
  render();
}

function storedLanguage() {
  try { return localStorage.getItem(LANG_KEY); } catch { return null; }
}

/** The language chosen before, else the one the server takes from Accept-Language, else the browser's, else English. */
async function chooseLanguage() {
  const stored = storedLanguage();
  const browser = (navigator.language || 'en').slice(0, 2);
  const guess = languages.includes(stored) ? stored : languages.includes(browser) ? browser : 'en';
  // The guess's texts load beside /api/meta; the server's choice from Accept-Language is
  // nearly always the browser's first language, so they are rarely loaded in vain.
  const guessed = loadLanguage(guess);
  const suggested = await loadMeta();
  const lang = languages.includes(stored) ? stored : languages.includes(suggested) ? suggested : guess;
  await (lang === guess ? guessed : loadLanguage(lang));
  return lang;
}

async function start() {
  // Nothing is drawn before the texts are here, so no text shows in another language first.
  useLanguage(await chooseLanguage());
  applyStaticTexts();
  setDrawer(render);
  document.getElementById('ui-lang').addEventListener('change', (event) => setLanguage(event.target.value));
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const heading = main.querySelector('h1');
    (heading || main).focus();
  });
  window.addEventListener('hashchange', () => render());
  render();
}

start();
