// The TechBridge page: hash routing over the JSON API (docs/api.md).
// Every text that comes from the server is inserted as text (textContent or text
// nodes), never parsed as HTML.
import { languages, messages, nativeNames } from './i18n.js';

const LANG_KEY = 'techbridge.lang';
const TOKEN_KEY = 'techbridge.token';
const FACETS = ['kind', 'sector', 'region', 'lang', 'trl', 'cooperation'];
const FILTERS = ['kind', 'sector', 'region', 'lang', 'trl_min', 'trl_max', 'cooperation'];
const MATCH_FILTERS = ['sector', 'region', 'lang', 'trl_min', 'trl_max', 'cooperation'];
const FIELD_ORDER = ['id', 'kind', 'lang', 'title', 'summary', 'organization', 'region', 'sectors', 'keywords',
  'trl', 'cooperation', 'ipr', 'contact', 'url', 'published', 'expires', 'body'];
const DEFAULT_COOPERATION = ['license', 'joint_venture', 'technical_cooperation', 'research_cooperation',
  'equipment_supply', 'investment', 'training'];
const PAGE_SIZE = 10;
const FACET_SHOWN = 8;

const state = {
  lang: 'en',
  meta: { sectors: [], regions: [], cooperation_types: DEFAULT_COOPERATION, kinds: ['offer', 'demand', 'knowledge'] },
  sectors: new Map(),
  regions: new Map(),
  ticket: 0,
  lastPath: null,
};

// What the finder and import pages keep while the tab is open (nothing is stored elsewhere
// except the token, in sessionStorage).
const finderState = { text: '', kind: 'demand', filters: {}, result: null, error: null };
const importState = { name: '', format: '', text: '', report: null, error: null, stored: null };
const expoState = { name: '', text: '', plan: null, error: null, participant: '' };

const main = document.getElementById('main');

// ---------------------------------------------------------------- helpers

function t(key, vars = {}) {
  const dict = messages[state.lang] || messages.en;
  const text = dict[key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Appends children to el; null, undefined and false are left out, strings become text. */
function add(el, ...children) {
  return append(el, children);
}

/** Replaces the children of el, like add. */
function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on')) { if (typeof value === 'function') el.addEventListener(key.slice(2), value); }
    else if (key === 'value' && 'value' in el) el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
}

/** h('a', {href}, 'text', child...) builds an element; strings become text nodes. */
function h(tag, props, ...children) {
  return append(setProps(document.createElement(tag), props), children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function s(tag, props, ...children) {
  return append(setProps(document.createElementNS(SVG_NS, tag), props), children);
}

/** A label as text: the preferred one when a list of variants is given. */
function one(label) {
  return Array.isArray(label) ? String(label[0] ?? '') : label ? String(label) : '';
}

function labelOf(labels, lang = state.lang) {
  if (!labels) return '';
  return one(labels[lang]) || one(labels.en) || one(labels.ru) || one(labels.zh);
}

function sectorName(id) {
  const sector = state.sectors.get(id);
  return sector ? labelOf(sector.labels) : id;
}

function regionName(id) {
  const region = state.regions.get(id);
  return region ? labelOf(region.labels) : id;
}

/** The name of a known code in the interface language; an unknown code as it is. */
function named(prefix, code) { return messages.en[prefix + code] ? t(prefix + code) : String(code ?? ''); }
function kindName(kind) { return named('kind.', kind); }
function langName(lang) { return named('lang.', lang); }
function coopName(type) { return named('coop.', type); }

function facetValueName(facet, value) {
  switch (facet) {
    case 'kind': return kindName(value);
    case 'lang': return langName(value);
    case 'sector': return sectorName(value);
    case 'region': return regionName(value);
    case 'trl': return t('trl.value', { n: value });
    case 'cooperation': return coopName(value);
    default: return value;
  }
}

function fixed(value, digits = 2) {
  const number = Number(value);
  return Number.isFinite(number) ? number.toFixed(digits) : '–';
}

function percent(value) {
  const number = Number(value);
  return Number.isFinite(number) ? Math.round(number * 100) : 0;
}

function clampInt(text, fallback, min, max) {
  const value = Number.parseInt(text, 10);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

function hrefFor(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return '#' + path + (text ? '?' + text : '');
}

function docHref(id) { return '#/doc/' + encodeURIComponent(id); }
function matchHref(id, params) { return hrefFor('/match/' + encodeURIComponent(id), params); }

function paramsObject(params, names) {
  const result = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) result[name] = value;
  }
  return result;
}

function badge(text, kind, extra = {}) {
  return h('span', { class: 'badge ' + kind, ...extra }, text);
}

function langBadge(lang) {
  if (!lang) return null;
  return badge(langName(lang), 'lang', { 'data-lang': lang, title: langName(lang) });
}

function kindBadge(kind) {
  if (!kind) return null;
  return badge(kindName(kind), 'kind kind-' + kind, { 'data-kind': kind });
}

/** A heading with the page's title, focused after navigation to another page. */
function pageHeading(text) {
  document.title = text + ' · TechBridge';
  return h('h1', { class: 'page-title', tabindex: '-1' }, text);
}

// ---------------------------------------------------------------- the API

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** fetch() with network failures and HTTP errors turned into an ApiError. */
async function fetchApi(path, { method = 'GET', body, headers = {} } = {}) {
  let response;
  try {
    response = await fetch(path, { method, body, headers: { Accept: 'application/json', ...headers } });
  } catch (error) {
    throw new ApiError(0, 'network', error && error.message ? error.message : '');
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    const detail = data && data.error ? data.error : {};
    throw new ApiError(response.status, detail.code || 'http_' + response.status,
      detail.message || (data ? '' : text.slice(0, 300)));
  }
  return response;
}

async function api(path, options) {
  const response = await fetchApi(path, options);
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (data === null) throw new ApiError(response.status, 'bad_response', text.slice(0, 300));
  return data;
}

/** The error as a sentence in the interface language; `titles` maps a status to a page's own wording. */
function errorBox(error, titles = {}) {
  const status = error instanceof ApiError ? error.status : -1;
  let key = 'error.other';
  if (titles[status]) key = titles[status];
  else if (status === 0) key = 'error.network';
  else if ([400, 401, 404, 413, 500, 503].includes(status)) key = 'error.' + status;
  const detail = error && error.message ? error.message : '';
  return h('div', { class: 'error', role: 'alert', 'data-status': status },
    h('p', { class: 'error-title' }, t(key, { status })),
    detail ? h('p', { class: 'error-detail' }, t('error.server', { message: detail })) : null);
}

function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

// ---------------------------------------------------------------- routing

function parseHash() {
  let raw = location.hash.replace(/^#/, '');
  if (!raw.startsWith('/')) raw = '/search';
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = mark < 0 ? '' : raw.slice(mark + 1);
  const segments = path.split('/').filter(Boolean).map((part) => {
    try { return decodeURIComponent(part); } catch { return part; }
  });
  return { path, segments, params: new URLSearchParams(query) };
}

function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

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

// ---------------------------------------------------------------- search

async function searchPage(root, route, alive) {
  const params = route.params;
  const query = params.get('q') || '';
  const filters = paramsObject(params, FILTERS);
  const offset = clampInt(params.get('offset'), 0, 0, 10000);

  const input = h('input', {
    id: 'q', name: 'q', type: 'search', value: query, autocomplete: 'off',
    placeholder: t('search.placeholder'), maxlength: '500',
  });
  const form = h('form', { class: 'search-form', role: 'search' },
    h('label', { for: 'q' }, t('search.label')),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit', class: 'primary' }, t('search.submit'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hrefFor('/search', { q: input.value.trim(), ...filters }));
  });

  const status = h('p', { class: 'result-count', id: 'result-count', 'aria-live': 'polite', role: 'status' });
  const facets = h('aside', { class: 'facets', 'aria-label': t('search.filters') });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading', class: 'visually-hidden' }, t('search.results')), status);
  add(root, pageHeading(t('search.title')), form, activeFilters(query, filters),
    h('div', { class: 'search-layout' }, facets, results));
  status.textContent = t('common.loading');

  const request = new URLSearchParams({ ...filters, offset: String(offset), limit: String(PAGE_SIZE) });
  request.set('q', query);
  let data;
  try {
    data = await api('/api/search?' + request.toString());
  } catch (error) {
    if (!alive()) return;
    status.textContent = '';
    add(results, errorBox(error));
    return;
  }
  if (!alive()) return;

  const total = Number(data.total) || 0;
  const hits = Array.isArray(data.hits) ? data.hits : [];
  status.textContent = total === 0 ? t('search.none')
    : hits.length < total ? t('search.range', { from: offset + 1, to: offset + hits.length, total })
      : t('search.count', { total });
  if (data.relaxed === true && total > 0) add(results, h('p', { class: 'notice', id: 'relaxed-notice' }, t('search.relaxed')));

  if (Array.isArray(data.concepts) && data.concepts.length) add(results, queryConcepts(data.concepts));

  const list = h('ol', { class: 'hits', start: String(offset + 1) });
  for (const hit of hits) add(list, hitItem(hit));
  add(results, list, pagination(query, filters, offset, total, Number(data.limit) || PAGE_SIZE));
  add(facets, h('h2', {}, t('search.filters')), ...facetGroups(data.facets || {}, query, filters));
}

function activeFilters(query, filters) {
  const names = Object.keys(filters);
  if (!names.length) return null;
  const list = h('ul', { class: 'chips' });
  const shown = new Set();
  for (const name of names) {
    if ((name === 'trl_min' || name === 'trl_max') && filters.trl_min && filters.trl_min === filters.trl_max) {
      if (shown.has('trl')) continue;
      shown.add('trl');
      const rest = { ...filters };
      delete rest.trl_min;
      delete rest.trl_max;
      const text = t('facet.trl') + ': ' + t('trl.value', { n: filters.trl_min });
      add(list, h('li', {}, h('a', { class: 'chip', href: hrefFor('/search', { q: query, ...rest }),
        'aria-label': t('search.remove', { name: text }) }, text, h('span', { 'aria-hidden': 'true' }, ' ×'))));
      continue;
    }
    const rest = { ...filters };
    delete rest[name];
    const value = filters[name];
    const facet = name === 'trl_min' || name === 'trl_max' ? 'trl' : name;
    const text = t('facet.' + name) + ': ' + (facet === 'trl' ? value : facetValueName(facet, value));
    add(list, h('li', {}, h('a', { class: 'chip', href: hrefFor('/search', { q: query, ...rest }),
      'aria-label': t('search.remove', { name: text }) }, text, h('span', { 'aria-hidden': 'true' }, ' ×'))));
  }
  add(list, h('li', {}, h('a', { class: 'chip clear', href: hrefFor('/search', { q: query }) }, t('search.clear'))));
  return h('section', { class: 'active-filters', 'aria-label': t('search.active') }, list);
}

function facetGroups(facets, query, filters) {
  const groups = [];
  for (const facet of FACETS) {
    let values = Array.isArray(facets[facet]) ? facets[facet] : [];
    if (facet === 'trl') values = [...values].sort((a, b) => Number(a.value) - Number(b.value));
    if (!values.length) continue;
    const headingId = 'facet-' + facet;
    const list = h('ul', { class: 'facet-values', 'aria-labelledby': headingId });
    values.forEach((entry, index) => {
      const value = String(entry.value);
      let active;
      const next = { ...filters };
      if (facet === 'trl') {
        active = filters.trl_min === value && filters.trl_max === value;
        if (active) { delete next.trl_min; delete next.trl_max; } else { next.trl_min = value; next.trl_max = value; }
      } else {
        active = filters[facet] === value;
        if (active) delete next[facet]; else next[facet] = value;
      }
      const name = facetValueName(facet, value);
      const link = h('a', { href: hrefFor('/search', { q: query, ...next }), class: active ? 'active' : null,
        'aria-current': active ? 'true' : null, 'data-facet': facet, 'data-value': value },
      h('span', { class: 'facet-name' }, name), ' ', h('span', { class: 'count' }, String(entry.count)));
      add(list, h('li', { class: index >= FACET_SHOWN && !active ? 'extra' : null }, link));
    });
    const group = h('section', { class: 'facet' }, h('h3', { id: headingId }, t('facet.' + facet)), list);
    if (values.length > FACET_SHOWN) {
      const toggle = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' },
        t('common.showMore', { n: values.length }));
      toggle.addEventListener('click', () => {
        const open = list.classList.toggle('open');
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? t('common.showLess') : t('common.showMore', { n: values.length });
      });
      add(group, toggle);
    }
    groups.push(group);
  }
  return groups;
}

/** The three labels of each concept, the interface language first. */
function conceptLabels(labels) {
  const order = [state.lang, ...languages.filter((lang) => lang !== state.lang)];
  return order.filter((lang) => labels && one(labels[lang])).map((lang, index) =>
    h('span', { class: index === 0 ? 'concept-label primary' : 'concept-label', lang, 'data-lang': lang },
      index === 0 ? null : h('span', { class: 'lang-code', 'aria-hidden': 'true' }, lang.toUpperCase() + ' '),
      one(labels[lang])));
}

function queryConcepts(concepts) {
  const list = h('ul', { class: 'concepts' });
  for (const concept of concepts) add(list, h('li', { class: 'concept', 'data-concept': concept.id }, conceptLabels(concept.labels)));
  return h('section', { class: 'query-concepts', 'aria-labelledby': 'query-concepts-heading' },
    h('h3', { id: 'query-concepts-heading' }, t('search.concepts')), list);
}

function snippet(hit) {
  const paragraph = h('p', { class: 'snippet' });
  if (Array.isArray(hit.snippet_parts) && hit.snippet_parts.length) {
    for (const part of hit.snippet_parts) {
      add(paragraph, part.hit ? h('mark', {}, part.text) : document.createTextNode(String(part.text ?? '')));
    }
  } else if (hit.snippet) {
    add(paragraph, document.createTextNode(hit.snippet));
  }
  return paragraph;
}

function hitItem(hit) {
  const meta = [hit.organization, hit.region ? regionName(hit.region) : ''].filter(Boolean).join(' · ');
  return h('li', { class: 'hit card', 'data-id': hit.id },
    h('h3', { class: 'hit-title' }, h('a', { href: docHref(hit.id), lang: hit.lang || null }, hit.title || hit.id)),
    h('div', { class: 'badges' }, kindBadge(hit.kind), langBadge(hit.lang),
      hit.trl ? badge(t('trl.value', { n: hit.trl }), 'trl') : null),
    meta ? h('p', { class: 'meta' }, meta) : null,
    h('div', { lang: hit.lang || null }, snippet(hit)),
    hit.kind === 'offer' || hit.kind === 'demand'
      ? h('p', { class: 'hit-actions' }, h('a', { href: matchHref(hit.id), class: 'small-link' }, t('search.findPartners')))
      : null);
}

function pagination(query, filters, offset, total, limit) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(Math.min(total, 10000 + limit) / limit);
  const link = (target, text, rel) => h('a', { href: hrefFor('/search', { q: query, ...filters, offset: (target - 1) * limit || null }), rel }, text);
  return h('nav', { class: 'pagination', 'aria-label': t('search.pages') },
    page > 1 ? link(page - 1, '← ' + t('search.prev'), 'prev') : h('span', { class: 'disabled' }, '← ' + t('search.prev')),
    h('span', { class: 'page-info' }, t('search.page', { page, pages })),
    page < pages ? link(page + 1, t('search.next') + ' →', 'next') : h('span', { class: 'disabled' }, t('search.next') + ' →'));
}

// ---------------------------------------------------------------- document

function fieldValue(name, value, doc) {
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted' }, '—');
  switch (name) {
    case 'kind': return kindName(value);
    case 'lang': return langName(value);
    case 'region': return typeof value === 'string' && state.regions.has(value) ? regionName(value) + ' (' + value + ')' : String(value);
    case 'sectors': return (Array.isArray(value) ? value : [value]).map((id) => sectorName(String(id))).join(', ');
    case 'cooperation': return (Array.isArray(value) ? value : [value]).map((type) => coopName(String(type))).join(', ');
    case 'url': {
      const text = String(value);
      return /^https?:\/\//i.test(text) ? h('a', { href: text, rel: 'noopener noreferrer', target: '_blank' }, text) : text;
    }
    case 'body': return h('div', { class: 'doc-body', lang: doc.lang || null }, String(value));
    default:
      if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
      if (typeof value === 'object') return h('code', {}, JSON.stringify(value));
      return String(value);
  }
}

async function documentPage(root, route, alive) {
  const id = route.segments[1] || '';
  add(root, loading());
  const data = await api('/api/documents/' + encodeURIComponent(id)).catch((error) => error);
  if (!alive()) return;
  root.replaceChildren();
  if (data instanceof Error) {
    add(root, pageHeading(t('doc.title')), errorBox(data), h('p', {}, h('a', { href: '#/search' }, t('doc.back'))));
    return;
  }
  const doc = data.document || {};
  const heading = pageHeading(String(doc.title || doc.id || id));
  if (doc.lang) heading.setAttribute('lang', doc.lang);
  add(root, heading,
    h('div', { class: 'badges' }, kindBadge(doc.kind), langBadge(doc.lang), doc.trl ? badge(t('trl.value', { n: doc.trl }), 'trl') : null),
    h('p', { class: 'actions' },
      doc.kind === 'offer' || doc.kind === 'demand' || doc.kind === 'knowledge'
        ? h('a', { href: matchHref(doc.id || id), class: 'button primary', id: 'find-partners' }, t('doc.findPartners')) : null,
      h('a', { href: '#/search', class: 'button' }, t('doc.back'))));

  const layout = h('div', { class: 'doc-layout' });
  add(root, layout);

  const known = FIELD_ORDER.filter((name) => name in doc);
  const extra = Object.keys(doc).filter((name) => !FIELD_ORDER.includes(name)).sort();
  const fields = h('dl', { class: 'fields' });
  for (const name of known) {
    add(fields, h('div', { class: 'field field-' + name, 'data-field': name },
      h('dt', {}, t('field.' + name)), h('dd', {}, fieldValue(name, doc[name], doc))));
  }
  for (const name of extra) {
    add(fields, h('div', { class: 'field field-extra', 'data-field': name },
      h('dt', {}, name, ' ', h('span', { class: 'muted' }, '(' + t('doc.extraField') + ')')),
      h('dd', {}, fieldValue(name, doc[name], doc))));
  }
  add(layout, h('section', { class: 'doc-fields card', 'aria-labelledby': 'fields-heading' },
    h('h2', { id: 'fields-heading' }, t('doc.fields')), fields));

  const side = h('div', { class: 'doc-side' });
  add(layout, side);

  const concepts = Array.isArray(data.concepts) ? data.concepts : [];
  const conceptList = h('ul', { class: 'doc-concepts' });
  for (const concept of concepts) {
    const primary = labelOf(concept.labels);
    const own = doc.lang && doc.lang !== state.lang && concept.labels ? one(concept.labels[doc.lang]) : '';
    add(conceptList, h('li', { class: 'concept', 'data-concept': concept.id },
      h('a', { href: hrefFor('/search', { q: primary }), title: t('doc.searchConcept', { label: primary }) },
        h('span', { class: 'concept-label primary', lang: state.lang }, primary)),
      own ? [' ↔ ', h('span', { class: 'concept-label', lang: doc.lang }, own)] : null,
      concept.mentions ? h('span', { class: 'muted' }, ' · ' + t('doc.mentions', { n: concept.mentions })) : null));
  }
  add(side, h('section', { class: 'card', 'aria-labelledby': 'concepts-heading' },
    h('h2', { id: 'concepts-heading' }, t('doc.concepts')),
    concepts.length ? conceptList : h('p', { class: 'muted' }, t('doc.noConcepts'))));

  for (const [key, entries, nameOf] of [['sectors', data.sectors, sectorName], ['regions', data.regions, regionName]]) {
    const list = h('ul', { class: 'tag-list' });
    for (const entry of Array.isArray(entries) ? entries : []) {
      const provenance = entry.provenance === 'inferred' ? 'inferred' : 'stated';
      add(list, h('li', { 'data-id': entry.id },
        h('span', {}, entry.labels ? labelOf(entry.labels) : nameOf(entry.id)), ' ',
        h('span', { class: 'prov prov-' + provenance, title: t('doc.' + provenance + 'Hint') }, t('doc.' + provenance))));
    }
    add(side, h('section', { class: 'card', 'aria-labelledby': key + '-heading' },
      h('h2', { id: key + '-heading' }, t('doc.' + key)),
      list.childElementCount ? list : h('p', { class: 'muted' }, t('common.none'))));
  }

  const record = h('dl', { class: 'record' });
  if (data.revision !== undefined) add(record, h('dt', {}, t('doc.revision')), h('dd', {}, String(data.revision)));
  if (data.updated_at) add(record, h('dt', {}, t('doc.updated')), h('dd', {}, String(data.updated_at)));
  if (data.source && data.source.path) {
    add(record, h('dt', {}, t('doc.source')),
      h('dd', { class: 'source-path' }, String(data.source.path) + (data.source.line ? ':' + data.source.line : '')));
  }
  if (record.childElementCount) {
    add(side, h('section', { class: 'card', 'aria-labelledby': 'record-heading' },
      h('h2', { id: 'record-heading' }, t('doc.record')), record));
  }
}

// ---------------------------------------------------------------- matches

function option(value, text, selected) {
  return h('option', { value, selected: selected ? true : null }, text);
}

function selectField(id, label, options, value) {
  const select = h('select', { id, name: id.replace(/^[a-z]+-/, '') },
    option('', t('common.any'), !value), options.map(([v, text]) => option(v, text, String(v) === String(value))));
  return [select, h('div', { class: 'field-group' }, h('label', { for: id }, label), select)];
}

function regionOptions() {
  // Countries, macro-regions, provinces and federal subjects; cities are found by name.
  const top = state.meta.regions.filter((region) => /^[A-Z]{2}(-[A-Z0-9]+)?$/.test(region.id));
  return top.map((region) => [region.id, labelOf(region.labels)]);
}

/** The filter controls of the match and finder pages; returns [fields, read()]. */
function matchFilterControls(prefix, values) {
  const trls = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), String(n)]);
  const controls = {
    sector: selectField(prefix + '-sector', t('facet.sector'),
      state.meta.sectors.map((sector) => [sector.id, labelOf(sector.labels)]), values.sector),
    region: selectField(prefix + '-region', t('facet.region'), regionOptions(), values.region),
    lang: selectField(prefix + '-lang', t('facet.lang'), languages.map((lang) => [lang, langName(lang)]), values.lang),
    trl_min: selectField(prefix + '-trl_min', t('facet.trl_min'), trls, values.trl_min),
    trl_max: selectField(prefix + '-trl_max', t('facet.trl_max'), trls, values.trl_max),
    cooperation: selectField(prefix + '-cooperation', t('facet.cooperation'),
      (state.meta.cooperation_types || DEFAULT_COOPERATION).map((type) => [type, coopName(type)]), values.cooperation),
  };
  const read = () => {
    const result = {};
    for (const [name, [select]] of Object.entries(controls)) if (select.value) result[name] = select.value;
    return result;
  };
  return [Object.values(controls).map(([, group]) => group), read];
}

async function matchPage(root, route, alive) {
  const id = route.segments[1] || '';
  const params = route.params;
  const filters = paramsObject(params, MATCH_FILTERS);
  const target = params.get('target') || '';
  const limit = clampInt(params.get('limit'), 10, 1, 100);

  const heading = pageHeading(t('match.title'));
  const sourceBox = h('div', { class: 'match-source card' }, loading());
  add(root, heading, sourceBox);

  const [filterFields, readFilters] = matchFilterControls('match', filters);
  const [targetSelect, targetGroup] = selectField('match-target', t('match.target'),
    [['offer', kindName('offer')], ['demand', kindName('demand')], ['knowledge', kindName('knowledge')]], target);
  const limitSelect = h('select', { id: 'match-limit' }, [10, 20, 50, 100].map((n) => option(String(n), String(n), n === limit)));
  const active = Object.keys(filters).length > 0 || Boolean(target) || limit !== 10;
  const form = h('form', { class: 'filters-form' },
    h('div', { class: 'filter-grid' }, filterFields, targetGroup,
      h('div', { class: 'field-group' }, h('label', { for: 'match-limit' }, t('match.limit')), limitSelect)),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, t('common.apply')),
      h('a', { href: matchHref(id), class: 'button' }, t('common.reset'))));
  const filterBox = h('details', { class: 'filters-box card', open: active },
    h('summary', {}, t('match.filters'), active ? h('span', { class: 'badge strong' }, String(Object.keys(filters).length + (target ? 1 : 0))) : null),
    form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(matchHref(id, { ...readFilters(), target: targetSelect.value, limit: limitSelect.value === '10' ? '' : limitSelect.value }));
  });

  const request = { id, ...filters, limit: String(limit) };
  if (target) request.target = target;
  const csv = '/api/match?' + new URLSearchParams({ ...request, format: 'csv' }).toString();
  const results = h('section', { class: 'match-results', 'aria-labelledby': 'candidates-heading' },
    h('div', { class: 'section-head' }, h('h2', { id: 'candidates-heading' }, t('match.candidates')),
      h('a', { href: csv, class: 'button', id: 'export-csv', download: 'techbridge-match-' + id + '.csv' }, t('match.exportCsv'))));
  add(root, filterBox, results);
  const body = h('div', {}, loading());
  add(results, body);

  const data = await api('/api/match?' + new URLSearchParams(request).toString()).catch((error) => error);
  if (!alive()) return;
  if (data instanceof Error) {
    replace(sourceBox, h('p', {}, h('a', { href: docHref(id) }, id)));
    replace(body, errorBox(data));
    return;
  }
  const source = data.source || { id: data.id || id, kind: data.kind, lang: data.lang, title: '' };
  replace(sourceBox, h('p', { class: 'muted' }, t('match.for')),
    h('p', { class: 'source-title' }, h('a', { href: docHref(source.id || id), lang: source.lang || null }, source.title || source.id || id)),
    h('div', { class: 'badges' }, kindBadge(source.kind), langBadge(source.lang)));
  document.title = t('match.title') + ': ' + (source.title || id) + ' · TechBridge';
  if (source.kind && source.kind !== 'knowledge' && !target) targetGroup.hidden = true;
  replace(body, matchResult(data, source.lang));
}

function scoreBar(score, threshold) {
  const fill = h('span', { class: 'scorebar-fill' + (score >= threshold ? ' strong' : '') });
  const mark = h('span', { class: 'scorebar-threshold' });
  fill.style.width = Math.max(0, Math.min(100, score * 100)) + '%';
  mark.style.left = Math.max(0, Math.min(100, threshold * 100)) + '%';
  return h('span', { class: 'scorebar', role: 'img', 'aria-label': t('match.scoreLabel', { s: fixed(score), t: fixed(threshold) }) },
    fill, mark);
}

function matchResult(data, sourceLang) {
  const threshold = Number(data.threshold) || 0;
  const candidates = Array.isArray(data.candidates) ? data.candidates : [];
  const wrap = h('div', { class: 'match-body' });
  add(wrap, h('p', { class: 'result-count', role: 'status', 'aria-live': 'polite' },
    candidates.length ? t('match.count', { n: candidates.length }) : t('match.none'),
    data.no_strong_candidate ? null : h('span', { class: 'muted threshold-note' }, ' · ' + t('match.threshold', { t: fixed(threshold) }))));
  if (data.no_strong_candidate) {
    add(wrap, h('p', { class: 'notice no-strong', id: 'no-strong' }, t('match.noStrong', { t: fixed(threshold) })));
  }
  const list = h('ol', { class: 'candidates' });
  candidates.forEach((candidate, index) => add(list, candidateItem(candidate, threshold, sourceLang, index < 3)));
  add(wrap, list);
  return wrap;
}

function candidateItem(candidate, threshold, sourceLang, open) {
  const score = Number(candidate.score) || 0;
  const reasons = Array.isArray(candidate.reasons) ? candidate.reasons : [];
  const expired = candidate.expired || reasons.some((reason) => reason.factor === 'expired');
  return h('li', { class: 'candidate card' + (score >= threshold ? ' strong' : ''), 'data-id': candidate.id },
    h('div', { class: 'candidate-head' },
      h('h3', { class: 'candidate-title' }, h('a', { href: docHref(candidate.id), lang: candidate.lang || null }, candidate.title || candidate.id)),
      h('div', { class: 'badges' }, kindBadge(candidate.kind), langBadge(candidate.lang),
        score >= threshold ? badge(t('match.strong'), 'strong') : null,
        expired ? badge(t('match.expired'), 'expired') : null)),
    h('div', { class: 'score-row' }, scoreBar(score, threshold),
      h('span', { class: 'score-value' }, t('match.score', { s: fixed(score) }))),
    reasons.length ? h('details', { class: 'reasons-wrap', open }, h('summary', {}, t('match.reasons')),
      h('ul', { class: 'reasons' }, reasons.map((reason) => reasonItem(reason, candidate, sourceLang)))) : null);
}

function reasonDetail(reason, candidate, sourceLang) {
  const p = percent(reason.value);
  switch (reason.factor) {
    case 'concepts': {
      const shared = Array.isArray(reason.shared) ? reason.shared : [];
      if (!shared.length) return t('reason.noShared');
      return h('ul', { class: 'pairs' }, shared.map((pair) => h('li', { class: 'pair', 'data-relation': pair.relation || '' },
        h('span', { lang: sourceLang || null, class: 'pair-source' }, pair.source_label || pair.concept),
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↔ '),
        h('span', { lang: candidate.lang || null, class: 'pair-candidate' }, pair.candidate_label || pair.candidate_concept),
        ' ', h('span', { class: 'relation relation-' + (pair.relation || 'same') },
          messages.en['relation.' + pair.relation] ? t('relation.' + pair.relation) : String(pair.relation || '')))));
    }
    case 'text': return t('reason.text', { p });
    case 'sector': {
      const relation = messages.en['sectorRel.' + reason.relation] ? t('sectorRel.' + reason.relation) : (reason.relation || '');
      const names = (Array.isArray(reason.sectors) ? reason.sectors : []).map((id) => sectorName(String(id))).join(', ');
      return relation + (names ? ' (' + names + ')' : '');
    }
    case 'trl': {
      const candidateTrl = reason.candidate_trl ?? candidate.trl;
      const sourceTrl = reason.source_trl;
      if (candidateTrl && sourceTrl) return t('reason.trlBoth', { a: sourceTrl, b: candidateTrl, p });
      if (candidateTrl) return t('reason.trl', { n: candidateTrl, p });
      if (reason.value === undefined) return t('reason.trlUnknown');
      return t('reason.trlFit', { p });
    }
    case 'cooperation': {
      const types = reason.shared;
      const base = Number(reason.value) >= 1 ? t('reason.coopFull') : t('reason.coopPart', { p });
      if (Array.isArray(types) && types.length) return base + '; ' + t('reason.coopTypes', { types: types.map((type) => coopName(String(type))).join(', ') });
      return base;
    }
    case 'region': {
      const region = reason.region || candidate.region;
      return region ? t('reason.region', { region: regionName(String(region)), p }) : t('reason.regionFit', { p });
    }
    case 'expired': return t('reason.expired');
    default: return reason.text || '';
  }
}

function reasonItem(reason, candidate, sourceLang) {
  const factor = String(reason.factor || '');
  const name = messages.en['factor.' + factor] ? t('factor.' + factor) : factor;
  const contribution = Number(reason.contribution);
  const weight = h('span', { class: 'reason-weight' });
  if (Number.isFinite(contribution)) {
    const bar = h('span', { class: 'mini-bar', 'aria-hidden': 'true' }, h('span', { class: 'mini-fill' }));
    bar.firstChild.style.width = Math.max(0, Math.min(100, Number(reason.value) * 100 || 0)) + '%';
    add(weight, bar, h('span', { class: 'contribution', title: t('match.weightInfo', { v: percent(reason.value), w: fixed(reason.weight) }) },
      h('span', { 'aria-hidden': 'true' }, '+' + fixed(contribution)),
      h('span', { class: 'visually-hidden' }, t('match.contribution', { c: fixed(contribution) }) + ', ' +
        t('match.weightInfo', { v: percent(reason.value), w: fixed(reason.weight) }))));
  }
  return h('li', { class: 'reason factor-' + factor, 'data-factor': factor },
    h('span', { class: 'factor' }, name), weight,
    h('div', { class: 'reason-detail' }, reasonDetail(reason, candidate, sourceLang)));
}

// ---------------------------------------------------------------- partner finder

async function finderPage(root, route, alive) {
  add(root, pageHeading(t('finder.title')), h('p', { class: 'intro' }, t('finder.intro')));
  const textarea = h('textarea', { id: 'finder-text', name: 'text', rows: '9', maxlength: '60000', required: true });
  textarea.value = finderState.text;
  const counter = h('p', { class: 'muted counter', id: 'finder-count' }, t('finder.chars', { n: finderState.text.length }));
  textarea.setAttribute('aria-describedby', 'finder-count');
  textarea.addEventListener('input', () => {
    finderState.text = textarea.value;
    counter.textContent = t('finder.chars', { n: textarea.value.length });
  });
  const kind = h('select', { id: 'finder-kind', name: 'kind' },
    option('demand', t('finder.kindDemand'), finderState.kind === 'demand'),
    option('offer', t('finder.kindOffer'), finderState.kind === 'offer'));
  const [filterFields, readFilters] = matchFilterControls('finder', finderState.filters);
  const output = h('section', { class: 'match-results', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'finder-submit' }, t('finder.submit'));
  const form = h('form', { class: 'finder-form card' },
    h('div', { class: 'field-group wide' }, h('label', { for: 'finder-text' }, t('finder.text')), textarea, counter),
    h('div', { class: 'field-group' }, h('label', { for: 'finder-kind' }, t('finder.kind')), kind),
    h('details', { class: 'more-filters' }, h('summary', {}, t('match.filters')), h('div', { class: 'filter-grid' }, filterFields)),
    h('div', { class: 'form-actions' }, button));
  add(root, form, output);

  const show = () => {
    if (finderState.error) replace(output, errorBox(finderState.error));
    else if (finderState.result) {
      replace(output, h('h2', {}, t('match.candidates')), matchResult(finderState.result, finderState.result.lang || finderState.result.source?.lang));
    }
  };
  show();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    finderState.text = textarea.value;
    finderState.kind = kind.value;
    finderState.filters = readFilters();
    if (!textarea.value.trim()) {
      replace(output, h('p', { class: 'error', role: 'alert' }, t('finder.empty')));
      return;
    }
    const body = { text: textarea.value, kind: kind.value, limit: 10 };
    for (const [name, value] of Object.entries(finderState.filters)) {
      body[name] = name.startsWith('trl_') ? Number(value) : value;
    }
    button.disabled = true;
    replace(output, loading());
    try {
      finderState.result = await api('/api/match', {
        method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' },
      });
      finderState.error = null;
    } catch (error) {
      finderState.result = null;
      finderState.error = error;
    } finally {
      button.disabled = false;
    }
    if (alive()) show();
  });
}

// ---------------------------------------------------------------- landscape

/** The label cut to about `width` units of 12-unit text (CJK characters are wider). */
function fitLabel(text, width) {
  let used = 0;
  let index = 0;
  for (const char of text) {
    used += /[\u2e80-\u9fff\uf900-\uffef]/.test(char) ? 12 : 8;
    if (used > width) return text.slice(0, Math.max(1, index - 1)) + '…';
    index += char.length;
  }
  return text;
}

function barChart(rows, byLabel, nameOf) {
  const labelWidth = 170;
  const chartWidth = 250;
  const rowHeight = 34;
  const top = 8;
  const width = labelWidth + chartWidth + 60;
  const height = top + rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((row) => Math.max(Number(row.demands) || 0, Number(row.offers) || 0)));
  const scale = (n) => (Number(n) || 0) / max * chartWidth;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bar-chart', role: 'img', 'aria-label': t('landscape.chart', { by: byLabel }),
    preserveAspectRatio: 'xMinYMin meet' });
  add(svg, s('title', {}, t('landscape.chart', { by: byLabel })));
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const name = nameOf(row);
    const short = fitLabel(name, labelWidth - 14);
    const demands = Number(row.demands) || 0;
    const offers = Number(row.offers) || 0;
    const gaps = Number(row.demands_without_strong_candidate) || 0;
    const group = s('g', { class: 'bar-row' + (gaps ? ' has-gap' : '') },
      s('title', {}, `${name}: ${t('landscape.demands')} ${demands}, ${t('landscape.offers')} ${offers}, ${t('landscape.gaps')} ${gaps}`),
      s('text', { x: labelWidth - 8, y: y + 17, class: 'bar-label', 'text-anchor': 'end' }, short),
      s('rect', { x: labelWidth, y: y + 3, width: Math.max(demands ? 1 : 0, scale(demands)), height: 12, class: 'bar bar-demands' }),
      gaps ? s('rect', { x: labelWidth + scale(demands - gaps), y: y + 3, width: Math.max(1, scale(gaps)), height: 12, class: 'bar bar-gaps' }) : null,
      s('rect', { x: labelWidth, y: y + 16, width: Math.max(offers ? 1 : 0, scale(offers)), height: 12, class: 'bar bar-offers' }),
      s('text', { x: labelWidth + scale(demands) + 4, y: y + 13, class: 'bar-value' }, String(demands) + (gaps ? ` (${gaps})` : '')),
      s('text', { x: labelWidth + scale(offers) + 4, y: y + 26, class: 'bar-value' }, String(offers)));
    add(svg, group);
  });
  return svg;
}

function landscapeTable(rows, byLabel, nameOf) {
  return h('table', { class: 'data-table' },
    h('caption', {}, t('landscape.table', { by: byLabel })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('landscape.name')), h('th', { scope: 'col', class: 'num' }, t('landscape.demands')),
      h('th', { scope: 'col', class: 'num' }, t('landscape.offers')), h('th', { scope: 'col', class: 'num' }, t('landscape.gaps')))),
    h('tbody', {}, rows.map((row) => {
      const gaps = Number(row.demands_without_strong_candidate) || 0;
      return h('tr', { class: gaps ? 'gap' : null }, h('th', { scope: 'row' }, nameOf(row)),
        h('td', { class: 'num' }, String(row.demands ?? 0)), h('td', { class: 'num' }, String(row.offers ?? 0)),
        h('td', { class: 'num' }, String(gaps)));
    })));
}

async function landscapePage(root, route, alive) {
  add(root, pageHeading(t('landscape.title')), h('p', { class: 'intro' }, t('landscape.intro')));
  const body = h('div', {}, loading());
  add(root, body);
  const data = await api('/api/landscape').catch((error) => error);
  if (!alive()) return;
  if (data instanceof Error) { replace(body, errorBox(data)); return; }
  replace(body, h('ul', { class: 'legend', 'aria-label': t('landscape.legend') },
    h('li', {}, h('span', { class: 'swatch swatch-demands', 'aria-hidden': 'true' }), t('landscape.demands')),
    h('li', {}, h('span', { class: 'swatch swatch-gaps', 'aria-hidden': 'true' }), t('landscape.gaps')),
    h('li', {}, h('span', { class: 'swatch swatch-offers', 'aria-hidden': 'true' }), t('landscape.offers'))));
  const sections = [
    ['by-sector', t('landscape.bySector'), data.by_sector, (row) => (row.labels ? labelOf(row.labels) : row.id ? sectorName(row.id) : t('landscape.unknown'))],
    ['by-region', t('landscape.byRegion'), data.by_region, (row) => (row.labels ? labelOf(row.labels) : row.id ? regionName(row.id) : t('landscape.unknown'))],
  ];
  for (const [id, title, rows, nameOf] of sections) {
    const list = Array.isArray(rows) ? rows : [];
    add(body, h('section', { class: 'landscape-section card', id, 'aria-labelledby': id + '-heading' },
      h('h2', { id: id + '-heading' }, title),
      list.length ? h('div', { class: 'chart-wrap' }, barChart(list, title, nameOf)) : h('p', { class: 'muted' }, t('common.none')),
      list.length ? h('div', { class: 'table-wrap' }, landscapeTable(list, title, nameOf)) : null));
  }
  // Labels measured in place: cut the ones the font makes wider than their column.
  for (const label of body.querySelectorAll('.bar-label')) {
    let text = label.textContent;
    while (text.length > 2 && label.getComputedTextLength() > 160) {
      text = text.replace(/…$/, '').slice(0, -1);
      label.textContent = text + '…';
    }
  }
  const unmatched = Array.isArray(data.unmatched_demands) ? data.unmatched_demands : [];
  if (unmatched.length) {
    add(body, h('section', { class: 'card', 'aria-labelledby': 'unmatched-heading' },
      h('h2', { id: 'unmatched-heading' }, t('landscape.unmatched') + ' (' + unmatched.length + ')'),
      h('ul', { class: 'id-list' }, unmatched.map((entry) => {
        const docId = typeof entry === 'string' ? entry : entry.id;
        const title = typeof entry === 'object' && entry.title ? entry.title : docId;
        return h('li', {}, h('a', { href: docHref(docId) }, title));
      }))));
  }
}

// ---------------------------------------------------------------- import

/** The access token field; the token is kept in sessionStorage for the pages that write. */
function tokenInput(id) {
  const token = h('input', { id, name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': id + '-hint' });
  token.value = sessionStorage.getItem(TOKEN_KEY) || '';
  token.addEventListener('input', () => {
    if (token.value) sessionStorage.setItem(TOKEN_KEY, token.value);
    else sessionStorage.removeItem(TOKEN_KEY);
  });
  return token;
}

function formatOf(name) {
  if (/\.jsonl$/i.test(name)) return 'jsonl';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return '';
}

async function importPage(root, route, alive) {
  add(root, pageHeading(t('import.title')), h('p', { class: 'intro' }, t('import.intro')));
  const token = tokenInput('import-token');
  const file = h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.jsonl,.md,.markdown' });
  const check = h('button', { type: 'submit', class: 'primary', id: 'import-check' }, t('import.check'));
  const form = h('form', { class: 'import-form card' },
    h('div', { class: 'field-group' }, h('label', { for: 'import-token' }, t('import.token')), token,
      h('p', { class: 'muted', id: 'import-token-hint' }, t('import.tokenHint'))),
    h('div', { class: 'field-group' }, h('label', { for: 'import-file' }, t('import.file')), file),
    h('div', { class: 'form-actions' }, check));
  const output = h('section', { class: 'import-output', 'aria-live': 'polite', id: 'import-output' });
  add(root, form, output);

  const send = async (confirm) => {
    const query = new URLSearchParams({ format: importState.format, filename: importState.name, confirm: confirm ? '1' : '0' });
    const headers = { 'Content-Type': importState.format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'text/markdown; charset=utf-8' };
    if (token.value) headers.Authorization = 'Bearer ' + token.value;
    try {
      const report = await api('/api/import?' + query.toString(), { method: 'POST', body: importState.text, headers });
      importState.error = null;
      if (confirm) importState.stored = report;
      else { importState.report = report; importState.stored = null; }
    } catch (error) {
      importState.error = error;
    }
  };

  const show = () => {
    output.replaceChildren();
    if (importState.error) add(output, errorBox(importState.error));
    const report = importState.stored || importState.report;
    if (!report) return;
    const problems = Array.isArray(report.problems) ? report.problems : [];
    const documents = Array.isArray(report.documents) ? report.documents : [];
    add(output, h('h2', {}, t('import.report', { name: importState.name })),
      h('p', { class: 'import-summary' }, t('import.summary', { records: report.records ?? '–', valid: report.valid ?? documents.length, problems: problems.length })));
    if (importState.stored) {
      const counts = ['added', 'updated', 'unchanged'].filter((name) => Number.isFinite(report[name]))
        .map((name) => t('import.' + name, { n: report[name] })).join(', ');
      add(output, h('p', { class: 'notice success', id: 'import-stored', role: 'status' },
        t('import.stored', { n: report.stored ?? 0 }), counts ? ' (' + counts + ')' : null));
    }
    add(output, h('h3', {}, t('import.problems')), problems.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table problems', id: 'import-problems' },
        h('thead', {}, h('tr', {}, [t('import.line'), t('common.id'), t('import.field'), t('import.message')].map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, problems.map((problem) => h('tr', { 'data-line': problem.line ?? '' },
          h('td', { class: 'num' }, String(problem.line ?? '')), h('td', {}, String(problem.id ?? '')),
          h('td', {}, h('code', {}, String(problem.field ?? ''))), h('td', {}, String(problem.message ?? '')))))))
      : h('p', { class: 'muted' }, t('import.noProblems')));
    add(output, h('h3', {}, t('import.valid')), documents.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table valid-docs', id: 'import-valid' },
        h('thead', {}, h('tr', {}, [t('import.line'), t('common.id'), t('field.kind'), t('field.lang'), t('field.title')].map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, documents.map((doc) => h('tr', {},
          h('td', { class: 'num' }, String(doc.line ?? '')),
          h('td', {}, importState.stored ? h('a', { href: docHref(doc.id) }, String(doc.id)) : String(doc.id ?? '')),
          h('td', {}, kindName(doc.kind)), h('td', {}, langName(doc.lang)), h('td', { lang: doc.lang || null }, String(doc.title ?? '')))))))
      : h('p', { class: 'muted' }, t('import.noValid')));
    if (!importState.stored && documents.length) {
      const store = h('button', { type: 'button', class: 'primary', id: 'import-store' }, t('import.store', { n: documents.length }));
      store.addEventListener('click', async () => {
        store.disabled = true;
        await send(true);
        if (alive()) show();
      });
      add(output, h('p', { class: 'form-actions' }, store));
    }
  };
  show();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      replace(output, h('p', { class: 'error', role: 'alert' }, t('import.noFile')));
      return;
    }
    const format = formatOf(chosen.name);
    if (!format) {
      replace(output, h('p', { class: 'error', role: 'alert' }, t('import.badExt')));
      return;
    }
    Object.assign(importState, { name: chosen.name, format, text: await chosen.text(), report: null, stored: null, error: null });
    check.disabled = true;
    replace(output, loading());
    await send(false);
    check.disabled = false;
    if (alive()) show();
  });
}

// ---------------------------------------------------------------- expo

const EXPO_STATS = ['meetings', 'candidates', 'value', 'upper_bound', 'ratio_to_upper_bound', 'optimum', 'ratio_to_optimum',
  'idle_gaps', 'seconds'];
const EXPO_ERRORS = { 400: 'expo.error400' };

/** "2027-06-15T09:00:00+08:00" → "09:00": the event's own clock, as on the printed agendas. */
function clockOf(iso) {
  const found = /T(\d{2}:\d{2})/.exec(String(iso ?? ''));
  return found ? found[1] : String(iso ?? '');
}

function dayOf(iso) {
  const found = /^(\d{4}-\d{2}-\d{2})/.exec(String(iso ?? ''));
  return found ? found[1] : '';
}

function slotLabel(slot, withDay) {
  if (!slot) return '';
  const day = withDay ? dayOf(slot.start) : '';
  return (day ? day + ' ' : '') + clockOf(slot.start) + '–' + clockOf(slot.end);
}

/** The plan with lookups: participants by id, slots and tables in the event's order. */
function expoModel(plan) {
  const event = plan.event || {};
  const participants = Array.isArray(event.participants) ? event.participants : [];
  const meetings = Array.isArray(plan.meetings) ? plan.meetings : [];
  const slots = Array.isArray(event.slots) ? [...event.slots] : [];
  const tables = (Array.isArray(event.tables) ? event.tables : []).map((table) => String(table && typeof table === 'object' ? table.id : table));
  for (const meeting of meetings) {
    if (!slots.some((slot) => slot.id === meeting.slot)) slots.push({ id: meeting.slot, start: meeting.start, end: meeting.end });
    if (!tables.includes(String(meeting.table))) tables.push(String(meeting.table));
  }
  const slotIndex = new Map(slots.map((slot, index) => [slot.id, index]));
  return {
    event, participants, meetings, slots, tables, slotIndex,
    people: new Map(participants.map((person) => [person.id, person])),
    multiDay: new Set(slots.map((slot) => dayOf(slot.start))).size > 1,
    titles: plan.titles && typeof plan.titles === 'object' ? plan.titles : {},
    stats: plan.stats || {},
    unscheduled: Array.isArray(plan.unscheduled_must) ? plan.unscheduled_must : [],
  };
}

function personName(model, id) {
  const person = model.people.get(id);
  return person && person.name ? String(person.name) : String(id ?? '');
}

function personSpan(model, id, cls) {
  const person = model.people.get(id);
  const lang = person && Array.isArray(person.languages) && languages.includes(person.languages[0]) ? person.languages[0] : null;
  return h('span', { class: cls, lang, 'data-participant': id }, personName(model, id));
}

function requestBadge(priority) {
  return priority === 'must' || priority === 'nice' ? badge(t('expo.request.' + priority), 'request request-' + priority) : null;
}

function expoStats(model) {
  const list = h('dl', { class: 'expo-stats', id: 'expo-stats' });
  for (const name of EXPO_STATS) {
    const value = model.stats[name];
    let text;
    if (value === null || value === undefined) {
      if (name !== 'optimum') continue;
      text = t('expo.noOptimum');
    } else if (name.startsWith('ratio_')) text = fixed(value, 3);
    else if (name === 'value' || name === 'upper_bound' || name === 'optimum') text = fixed(value, 2);
    else if (name === 'seconds') text = t('expo.seconds', { s: fixed(value, Number(value) < 1 ? 3 : 1) });
    else text = String(value);
    add(list, h('div', { class: 'stat', 'data-stat': name }, h('dt', {}, t('expo.stat.' + name)), h('dd', {}, text)));
  }
  return list;
}

/** Why a must meeting stayed out, in the interface language; an unknown reason as the server says it. */
function unscheduledReason(model, entry) {
  const text = String(entry.reason ?? '');
  const a = personName(model, entry.a);
  const b = personName(model, entry.b);
  const p = text.startsWith(String(entry.b) + ' ') ? b : a;
  const kinds = [['noMeetings', /takes no meetings/], ['noCommonSlot', /no available slot in common/],
    ['noInterpreter', /share no language/], ['interpreterBusy', /^no interpreter/], ['maxMeetings', /max_meetings/],
    ['slotsTaken', /is taken/]];
  const found = kinds.find(([, pattern]) => pattern.test(text));
  return found ? t('expo.why.' + found[0], { a, b, p }) : text;
}

function expoUnscheduled(model) {
  if (!model.unscheduled.length) return h('p', { class: 'notice success', id: 'expo-all-must' }, t('expo.allMust'));
  return h('ul', { class: 'expo-unscheduled', id: 'expo-unscheduled' }, model.unscheduled.map((entry) =>
    h('li', { 'data-a': entry.a, 'data-b': entry.b },
      h('span', { class: 'pair-names' }, personSpan(model, entry.a, 'party'), personSpan(model, entry.b, 'party')),
      h('span', { class: 'unscheduled-reason' }, unscheduledReason(model, entry)))));
}

function meetingCell(model, meeting) {
  if (!meeting) {
    return h('td', { class: 'free' }, h('span', { 'aria-hidden': 'true' }, '·'), h('span', { class: 'visually-hidden' }, t('expo.free')));
  }
  return h('td', { class: 'meeting' + (meeting.interpreter ? ' has-interpreter' : ''), 'data-a': meeting.a, 'data-b': meeting.b },
    personSpan(model, meeting.a, 'party'), personSpan(model, meeting.b, 'party'),
    meeting.interpreter ? h('span', { class: 'interpreter' }, t('expo.interpreterIs', { id: meeting.interpreter })) : null,
    h('span', { class: 'meeting-meta' },
      // A requested pair whose documents were not matched has no score to show.
      Array.isArray(meeting.documents) && meeting.documents.length ? h('span', {}, t('expo.score', { s: fixed(meeting.score) })) : null,
      requestBadge(meeting.request)));
}

function expoGrid(model) {
  const cells = new Map();
  for (const meeting of model.meetings) cells.set(meeting.slot + '\n' + meeting.table, meeting);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table expo-grid', id: 'expo-grid' },
    h('caption', {}, t('expo.gridCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('expo.slot')),
      model.tables.map((table) => h('th', { scope: 'col' }, t('expo.tableN', { id: table }))))),
    h('tbody', {}, model.slots.map((slot) => h('tr', { 'data-slot': slot.id },
      h('th', { scope: 'row' }, h('span', { class: 'slot-time' }, slotLabel(slot, model.multiDay)), ' ',
        h('span', { class: 'slot-id' }, slot.id)),
      model.tables.map((table) => meetingCell(model, cells.get(slot.id + '\n' + table))))))));
}

/** The shared concepts of a reason ("稠油 ↔ тяжелая нефть (broader); ..."), the relation in the interface language. */
function reasonPairs(reasons) {
  const items = [];
  for (const reason of reasons) {
    for (const part of String(reason).split(/;\s*/)) {
      if (!part.trim()) continue;
      const found = /^(.*?)\s*\((same|broader|narrower|sibling)\)$/.exec(part);
      items.push(h('li', { class: 'pair' }, found ? found[1] : part,
        found ? [' ', h('span', { class: 'relation relation-' + found[2] }, t('relation.' + found[2]))] : null));
    }
  }
  return items.length ? h('li', {}, h('span', { class: 'why-label' }, t('factor.concepts') + ': '), h('ul', { class: 'pairs' }, items)) : null;
}

function expoAgenda(model, id) {
  const person = model.people.get(id) || { id, languages: [], documents: [] };
  const owned = new Set(Array.isArray(person.documents) ? person.documents : []);
  const mine = model.meetings.filter((meeting) => meeting.a === id || meeting.b === id)
    .sort((x, y) => (model.slotIndex.get(x.slot) ?? 0) - (model.slotIndex.get(y.slot) ?? 0));
  const spoken = (Array.isArray(person.languages) ? person.languages : []).map((lang) => langName(lang)).join(', ');
  const intro = h('p', { class: 'muted', id: 'expo-agenda-info' },
    spoken ? t('expo.languages', { list: spoken }) + ' · ' : null, t('expo.meetingCount', { n: mine.length }));
  if (!mine.length) return [intro, h('p', { class: 'muted', id: 'expo-agenda-empty' }, t('expo.noMeetings'))];
  const documentItem = (doc, key) => h('li', {}, h('span', { class: 'why-label' }, t(key) + ': '),
    h('a', { href: docHref(doc) }, String(model.titles[doc] || doc)));
  return [intro, h('div', { class: 'table-wrap' }, h('table', { class: 'data-table expo-agenda', id: 'expo-agenda', 'data-participant': id },
    h('caption', {}, t('expo.agendaCaption', { name: personName(model, id) })),
    h('thead', {}, h('tr', {}, [t('expo.time'), t('expo.table'), t('expo.partner'), t('expo.interpreter'), t('expo.why')]
      .map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, mine.map((meeting) => {
      const partner = meeting.a === id ? meeting.b : meeting.a;
      const documents = Array.isArray(meeting.documents) ? meeting.documents : [];
      return h('tr', { 'data-slot': meeting.slot, 'data-partner': partner },
        h('th', { scope: 'row' }, slotLabel(model.slots[model.slotIndex.get(meeting.slot)] || meeting, model.multiDay)),
        h('td', {}, String(meeting.table ?? '')),
        h('td', {}, personSpan(model, partner, 'partner')),
        h('td', {}, meeting.interpreter ? String(meeting.interpreter) : h('span', { class: 'muted' }, t('expo.noInterpreter'))),
        h('td', {}, h('ul', { class: 'expo-why' },
          documents.filter((doc) => owned.has(doc)).map((doc) => documentItem(doc, 'expo.ownDocument')),
          documents.filter((doc) => !owned.has(doc)).map((doc) => documentItem(doc, 'expo.partnerDocument')),
          reasonPairs(Array.isArray(meeting.reasons) ? meeting.reasons : []),
          meeting.request === 'must' || meeting.request === 'nice' ? h('li', {}, requestBadge(meeting.request)) : null)));
    }))))];
}

/** Hands a fetched file to the browser as a download (a Blob object URL on an <a download>). */
function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function fileSafe(id) {
  return String(id).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'participant';
}

async function expoPage(root, route, alive) {
  add(root, pageHeading(t('expo.title')), h('p', { class: 'intro' }, t('expo.intro')));
  const token = tokenInput('expo-token');
  const file = h('input', { id: 'expo-file', name: 'file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'expo-file-hint' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'expo-plan' }, t('expo.plan'));
  const form = h('form', { class: 'expo-form card' },
    h('div', { class: 'field-group' }, h('label', { for: 'expo-token' }, t('import.token')), token,
      h('p', { class: 'muted', id: 'expo-token-hint' }, t('expo.tokenHint'))),
    h('div', { class: 'field-group' }, h('label', { for: 'expo-file' }, t('expo.file')), file,
      h('p', { class: 'muted', id: 'expo-file-hint' }, t('expo.fileHint'),
        expoState.name ? [' ', h('span', { id: 'expo-current' }, t('expo.current', { name: expoState.name }))] : null)),
    h('div', { class: 'form-actions' }, button));
  const status = h('p', { class: 'result-count', id: 'expo-status', role: 'status', 'aria-live': 'polite' });
  const output = h('div', { class: 'expo-output', id: 'expo-output' });
  add(root, form, status, output);

  const headers = (accept) => {
    const result = { 'Content-Type': 'application/json; charset=utf-8', Accept: accept };
    if (token.value) result.Authorization = 'Bearer ' + token.value;
    return result;
  };

  const download = async (params, filename, notice) => {
    replace(notice, t('expo.downloading'));
    try {
      const response = await fetchApi('/api/expo/plan?' + new URLSearchParams(params).toString(),
        { method: 'POST', body: expoState.text, headers: headers('*/*') });
      saveBlob(await response.blob(), filename);
      replace(notice, t('expo.downloaded', { name: filename }));
    } catch (error) {
      replace(notice, errorBox(error, EXPO_ERRORS));
    }
  };

  const show = () => {
    output.replaceChildren();
    if (expoState.error) {
      status.textContent = '';
      add(output, errorBox(expoState.error, EXPO_ERRORS));
      return;
    }
    if (!expoState.plan) return;
    const model = expoModel(expoState.plan);
    status.textContent = t('expo.planned', { n: model.meetings.length, name: expoState.name });
    if (!model.people.has(expoState.participant)) {
      const busy = model.participants.find((person) => model.meetings.some((m) => m.a === person.id || m.b === person.id));
      expoState.participant = (busy || model.participants[0] || {}).id || '';
    }
    const notice = h('div', { class: 'download-status', id: 'expo-download-status', 'aria-live': 'polite' });
    const csv = h('button', { type: 'button', id: 'expo-csv' }, t('expo.downloadCsv'));
    csv.addEventListener('click', () => download({ format: 'csv' }, 'expo-schedule.csv', notice));

    const select = h('select', { id: 'expo-participant', name: 'participant' }, model.participants.map((person) => {
      const count = model.meetings.filter((m) => m.a === person.id || m.b === person.id).length;
      return option(person.id, t('expo.participantOption', { name: person.name || person.id, n: count }), person.id === expoState.participant);
    }));
    const agenda = h('div', { class: 'expo-agenda-body', id: 'expo-agenda-body' }, expoAgenda(model, expoState.participant));
    select.addEventListener('change', () => {
      expoState.participant = select.value;
      replace(agenda, expoAgenda(model, select.value));
    });
    const ics = h('button', { type: 'button', id: 'expo-ics' }, t('expo.downloadIcs'));
    ics.addEventListener('click', () => download({ format: 'ics', participant: select.value },
      'calendar-' + fileSafe(select.value) + '.ics', notice));
    const html = h('button', { type: 'button', id: 'expo-html' }, t('expo.downloadHtml'));
    html.addEventListener('click', () => download({ format: 'html', participant: select.value },
      'agenda-' + fileSafe(select.value) + '.html', notice));

    const eventName = model.event.name ? String(model.event.name) : '';
    add(output,
      h('section', { class: 'card expo-section', 'aria-labelledby': 'expo-summary-heading' },
        h('h2', { id: 'expo-summary-heading' }, t('expo.summary')),
        eventName ? h('p', { class: 'expo-event-name' }, eventName) : null,
        h('p', { class: 'muted' }, t('expo.eventSize', { participants: model.participants.length, slots: model.slots.length, tables: model.tables.length })),
        expoStats(model)),
      h('section', { class: 'card expo-section', 'aria-labelledby': 'expo-unscheduled-heading' },
        h('h2', { id: 'expo-unscheduled-heading' }, t('expo.unscheduled')), expoUnscheduled(model)),
      h('section', { class: 'expo-section', 'aria-labelledby': 'expo-schedule-heading' },
        h('div', { class: 'section-head' }, h('h2', { id: 'expo-schedule-heading' }, t('expo.schedule')), csv),
        model.meetings.length ? expoGrid(model) : h('p', { class: 'muted' }, t('expo.noneScheduled'))),
      h('section', { class: 'card expo-section', 'aria-labelledby': 'expo-agenda-heading' },
        h('h2', { id: 'expo-agenda-heading' }, t('expo.agendas')),
        h('div', { class: 'agenda-controls' },
          h('div', { class: 'field-group' }, h('label', { for: 'expo-participant' }, t('expo.participant')), select),
          h('div', { class: 'form-actions' }, ics, html)),
        agenda),
      notice);
  };
  show();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen && !expoState.text) {
      replace(output, h('p', { class: 'error', role: 'alert' }, t('expo.noFile')));
      return;
    }
    if (chosen) Object.assign(expoState, { name: chosen.name, text: await chosen.text() });
    button.disabled = true;
    status.textContent = t('expo.planning');
    output.replaceChildren();
    try {
      expoState.plan = await api('/api/expo/plan', { method: 'POST', body: expoState.text, headers: headers('application/json') });
      expoState.error = null;
    } catch (error) {
      expoState.plan = null;
      expoState.error = error;
    } finally {
      button.disabled = false;
    }
    if (alive()) show();
  });
}

// ---------------------------------------------------------------- thesaurus

async function thesaurusPage(root, route, alive) {
  const sector = route.params.get('sector') || '';
  const query = route.params.get('q') || '';
  add(root, pageHeading(t('thesaurus.title')), h('p', { class: 'intro' }, t('thesaurus.intro')));

  const sectorList = h('ul', { class: 'sector-list' });
  for (const entry of state.meta.sectors) {
    const active = entry.id === sector;
    add(sectorList, h('li', {}, h('a', { href: hrefFor('/thesaurus', { sector: entry.id, q: query }), 'aria-current': active ? 'true' : null,
      class: active ? 'active' : null, 'data-sector': entry.id }, labelOf(entry.labels))));
  }
  const input = h('input', { id: 'thesaurus-q', name: 'q', type: 'search', value: query, autocomplete: 'off' });
  const form = h('form', { class: 'inline-form', role: 'search' },
    h('label', { for: 'thesaurus-q' }, t('thesaurus.filter')),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, t('thesaurus.filterSubmit'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hrefFor('/thesaurus', { sector, q: input.value.trim() }));
  });
  const content = h('section', { class: 'thesaurus-content', 'aria-labelledby': 'thesaurus-heading' });
  add(root, h('div', { class: 'thesaurus-layout' },
    h('nav', { class: 'sector-nav', 'aria-label': t('thesaurus.sectors') }, h('h2', {}, t('thesaurus.sectors')),
      sector ? h('p', {}, h('a', { href: hrefFor('/thesaurus', { q: query }) }, t('thesaurus.all'))) : null, sectorList),
    content));
  const heading = h('h2', { id: 'thesaurus-heading' }, sector ? sectorName(sector) : t('thesaurus.all'));
  const count = h('p', { class: 'result-count', 'aria-live': 'polite', role: 'status' });
  add(content, heading, form, count);
  if (!sector && !query) { count.textContent = t('thesaurus.choose'); return; }

  count.textContent = t('common.loading');
  const params = new URLSearchParams();
  if (sector) params.set('sector', sector);
  if (query) params.set('q', query);
  const data = await api('/api/concepts?' + params.toString()).catch((error) => error);
  if (!alive()) return;
  if (data instanceof Error) { count.textContent = ''; add(content, errorBox(data)); return; }
  const concepts = Array.isArray(data.concepts) ? data.concepts : [];
  count.textContent = t('thesaurus.count', { n: data.total ?? concepts.length });
  if (!concepts.length) return;
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  add(content, h('div', { class: 'table-wrap' }, h('table', { class: 'data-table concepts-table', id: 'concepts-table' },
    h('thead', {}, h('tr', {}, languages.map((lang) => h('th', { scope: 'col', lang }, nativeNames[lang])),
      h('th', { scope: 'col' }, t('thesaurus.broader')), h('th', { scope: 'col', class: 'num' }, t('thesaurus.documents')))),
    h('tbody', {}, concepts.map((concept) => {
      const broader = concept.broader ? byId.get(concept.broader) : null;
      const documents = Number(concept.documents) || 0;
      return h('tr', { 'data-concept': concept.id },
        languages.map((lang) => h('td', { lang }, concept.labels ? one(concept.labels[lang]) : '')),
        h('td', {}, broader ? labelOf(broader.labels) : concept.broader || ''),
        h('td', { class: 'num' }, documents
          ? h('a', { href: hrefFor('/search', { q: labelOf(concept.labels) }) }, String(documents)) : '0'));
    })))));
}

// ---------------------------------------------------------------- start

function applyStaticTexts() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  document.getElementById('ui-lang').value = state.lang;
}

function setLanguage(lang) {
  if (!languages.includes(lang)) return;
  state.lang = lang;
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* storage disabled */ }
  applyStaticTexts();
  render();
}

async function start() {
  let stored = null;
  try { stored = localStorage.getItem(LANG_KEY); } catch { stored = null; }
  if (languages.includes(stored)) state.lang = stored;
  else {
    const browser = (navigator.language || 'en').slice(0, 2);
    state.lang = languages.includes(browser) ? browser : 'en';
  }
  applyStaticTexts();
  try {
    const meta = await api('/api/meta');
    state.meta = { ...state.meta, ...meta };
    if (!Array.isArray(state.meta.sectors)) state.meta.sectors = [];
    if (!Array.isArray(state.meta.regions)) state.meta.regions = [];
    for (const sector of state.meta.sectors) state.sectors.set(sector.id, sector);
    for (const region of state.meta.regions) state.regions.set(region.id, region);
    if (!languages.includes(stored) && languages.includes(meta.ui_language)) {
      state.lang = meta.ui_language;
      applyStaticTexts();
    }
  } catch {
    // Without /api/meta the page still works; sector and region ids are shown as they are.
  }
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
