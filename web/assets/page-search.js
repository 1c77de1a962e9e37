// The search page: a query in any of the three languages, facets to narrow it, hits with
// their highlighted snippets.
import { languages, t, uiLanguage } from './i18n.js';
import { api, errorBox } from './lib-api.js';
import { add, h, pageHeading } from './lib-dom.js';
import { badge, clampInt, coopName, kindBadge, kindName, labelOf, langBadge, langName, one } from './lib-format.js';
import { regionName, sectorName } from './lib-meta.js';
import { docHref, hrefFor, matchHref, navigate, paramsObject } from './lib-route.js';

const FACETS = ['kind', 'sector', 'region', 'lang', 'trl', 'cooperation'];
const FILTERS = ['kind', 'sector', 'region', 'lang', 'trl_min', 'trl_max', 'cooperation'];
const ORDERS = ['relevance', 'trl', 'published'];
const KINDS = ['offer', 'demand', 'knowledge'];
const PAGE_SIZE = 10;
const FACET_SHOWN = 8;

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

export async function searchPage(root, route, alive) {
  const params = route.params;
  const query = params.get('q') || '';
  const filters = paramsObject(params, FILTERS);
  const offset = clampInt(params.get('offset'), 0, 0, 10000);
  const order = ORDERS.includes(params.get('order')) ? params.get('order') : 'relevance';

  const input = h('input', {
    id: 'q', name: 'q', type: 'search', value: query, autocomplete: 'off',
    placeholder: t('search.placeholder'), maxlength: '500',
  });
  const form = h('form', { class: 'search-form', role: 'search' },
    h('label', { for: 'q' }, t('search.label')),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit', class: 'primary' }, t('search.submit'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(hrefFor('/search', { q: input.value.trim(), ...filters, order: orderParam(order) }));
  });

  const status = h('p', { class: 'result-count', id: 'result-count', 'aria-live': 'polite', role: 'status' });
  const facets = h('aside', { class: 'facets', 'aria-label': t('search.filters') });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading', class: 'visually-hidden' }, t('search.results')), status);
  add(root, pageHeading(t('search.title')), form, kindTabs(query, filters, order), activeFilters(query, filters),
    h('div', { class: 'search-layout' }, facets, results));
  status.textContent = t('common.loading');

  const request = new URLSearchParams({ ...filters, offset: String(offset), limit: String(PAGE_SIZE), order });
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
  if (typeof data.suggestion === 'string' && data.suggestion) {
    add(results, h('p', { class: 'notice', id: 'suggestion' }, t('search.didYouMean'), ' ',
      h('a', { href: hrefFor('/search', { q: data.suggestion, ...filters }) }, data.suggestion)));
  }
  if (data.relaxed === true && total > 0) add(results, h('p', { class: 'notice', id: 'relaxed-notice' }, t('search.relaxed')));
  else if (Number(data.partial) > 0) {
    add(results, h('p', { class: 'notice', id: 'partial-notice' },
      t('search.partial', { complete: Number(data.complete) || 0, partial: Number(data.partial) })));
  }

  if (Array.isArray(data.concepts) && data.concepts.length) add(results, queryConcepts(data.concepts));
  if (total === 0 && query.trim()) add(results, noResults(data, filters));
  if (total > 1) add(results, orderLinks(query, filters, order));

  const list = h('ol', { class: 'hits', start: String(offset + 1) });
  for (const hit of hits) add(list, hitItem(hit));
  add(results, list, pagination(query, { ...filters, order: orderParam(order) }, offset, total, Number(data.limit) || PAGE_SIZE));
  add(facets, h('h2', {}, t('search.filters')), ...facetGroups(data.facets || {}, query, { ...filters, order: orderParam(order) }));
}

/** The order as a URL parameter: none for relevance, the default. */
function orderParam(order) { return order === 'relevance' ? null : order; }

/** All kinds, offers, demands, knowledge: the kind filter one click away. */
function kindTabs(query, filters, order) {
  const list = h('ul', { class: 'kind-tabs' });
  for (const kind of ['', ...KINDS]) {
    const next = { ...filters, kind: kind || null, offset: null, order: orderParam(order) };
    const active = (filters.kind || '') === kind;
    add(list, h('li', {}, h('a', { href: hrefFor('/search', { q: query, ...next }), class: active ? 'active' : null,
      'aria-current': active ? 'page' : null, 'data-kind': kind || 'all' }, kind ? t('search.kinds.' + kind) : t('search.kinds.all'))));
  }
  return h('nav', { class: 'kind-nav', 'aria-label': t('facet.kind') }, list);
}

function orderLinks(query, filters, order) {
  const list = h('ul', { class: 'order-links' });
  for (const each of ORDERS) {
    const active = each === order;
    add(list, h('li', {}, active
      ? h('span', { class: 'active', 'aria-current': 'true', 'data-order': each }, t('search.order.' + each))
      : h('a', { href: hrefFor('/search', { q: query, ...filters, order: orderParam(each) }), 'data-order': each },
        t('search.order.' + each))));
  }
  return h('nav', { class: 'order-nav', id: 'order', 'aria-label': t('search.order.label') },
    h('span', { class: 'order-label' }, t('search.order.label')), list);
}

/** Instead of an empty page: the nearest concepts, and searches that do find something. */
function noResults(data, filters) {
  const section = h('section', { class: 'no-results', id: 'no-results', 'aria-labelledby': 'no-results-heading' },
    h('h3', { id: 'no-results-heading' }, t('search.noResults.title')));
  const concepts = Array.isArray(data.nearest_concepts) ? data.nearest_concepts : [];
  if (concepts.length) {
    const list = h('ul', { class: 'chips nearest-concepts' });
    for (const concept of concepts) {
      const label = labelOf(concept.labels);
      add(list, h('li', {}, h('a', { class: 'chip', href: hrefFor('/search', { q: label, ...filters }), 'data-concept': concept.id },
        label, ' ', h('span', { class: 'count' }, String(Number(concept.documents) || 0)))));
    }
    add(section, h('p', {}, t('search.noResults.concepts')), list);
  }
  const looser = Array.isArray(data.looser) ? data.looser : [];
  if (looser.length) {
    const list = h('ul', { class: 'looser-searches' });
    for (const search of looser) {
      const params = search.without_filters ? { q: search.query } : { q: search.query, ...filters };
      const text = search.without_filters ? t('search.noResults.withoutFilters', { query: search.query })
        : t('search.noResults.word', { query: search.query });
      add(list, h('li', {}, h('a', { href: hrefFor('/search', params) }, text), ' ',
        h('span', { class: 'count' }, t('search.noResults.found', { total: Number(search.total) || 0 }))));
    }
    add(section, h('p', {}, t('search.noResults.looser')), list);
  }
  if (!concepts.length && !looser.length) add(section, h('p', {}, t('search.noResults.tip')));
  return section;
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
  const order = [uiLanguage(), ...languages.filter((lang) => lang !== uiLanguage())];
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

/** The snippet from its parts (the server cuts it at the highlights; no parts when it is empty). */
function snippet(hit) {
  const paragraph = h('p', { class: 'snippet' });
  for (const part of Array.isArray(hit.snippet_parts) ? hit.snippet_parts : []) {
    add(paragraph, part.hit ? h('mark', {}, part.text) : document.createTextNode(String(part.text ?? '')));
  }
  return paragraph;
}

/** What a reader of another language reads a hit by: its main concepts, sectors and regions in the reader's language. */
function gloss(hit) {
  const value = hit.gloss || {};
  const concepts = (Array.isArray(value.concepts) ? value.concepts : []).map((concept) => labelOf(concept.labels)).filter(Boolean);
  const stated = hit.region ? regionName(hit.region) : '';  // shown above already
  const places = [...(Array.isArray(value.sectors) ? value.sectors.map(sectorName) : []),
    ...(Array.isArray(value.regions) ? value.regions.map(regionName).filter((name) => name !== stated) : [])];
  if (!concepts.length && !places.length) return null;
  return h('p', { class: 'gloss', lang: uiLanguage() },
    h('span', { class: 'visually-hidden' }, t('search.gloss') + ': '),
    concepts.length ? h('span', { class: 'gloss-concepts' }, concepts.join(' · ')) : null,
    places.length ? h('span', { class: 'gloss-places' }, places.join(' · ')) : null);
}

/** The author's own translation of a hit into the reader's language, if it has one. */
function translationOf(hit) {
  const translations = hit.translations && typeof hit.translations === 'object' ? hit.translations : {};
  return hit.lang !== uiLanguage() && translations[uiLanguage()] ? translations[uiLanguage()] : {};
}

function hitItem(hit) {
  const translated = translationOf(hit);
  const meta = [hit.organization, hit.region ? regionName(hit.region) : '', hit.published || ''].filter(Boolean).join(' · ');
  return h('li', { class: 'hit card', 'data-id': hit.id },
    h('h3', { class: 'hit-title' }, translated.title
      ? h('a', { href: docHref(hit.id), lang: uiLanguage(), class: 'translated' }, String(translated.title))
      : h('a', { href: docHref(hit.id), lang: hit.lang || null }, hit.title || hit.id)),
    translated.title ? h('p', { class: 'original-title', lang: hit.lang || null }, hit.title) : null,
    h('div', { class: 'badges' }, kindBadge(hit.kind), langBadge(hit.lang),
      hit.trl ? badge(t('trl.value', { n: hit.trl }), 'trl') : null),
    meta ? h('p', { class: 'meta' }, meta) : null,
    hit.lang && hit.lang !== uiLanguage() ? gloss(hit) : null,
    translated.summary ? h('p', { class: 'translated-summary', lang: uiLanguage() }, String(translated.summary)) : null,
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
