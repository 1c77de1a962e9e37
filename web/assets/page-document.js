// The document page: every stored field (fields the contract does not know too), the
// document's concepts, sectors and regions, and where the record came from.
import { t, uiLanguage } from './i18n.js';
import { api, errorBox } from './lib-api.js';
import { add, h, loading, pageHeading } from './lib-dom.js';
import { badge, coopName, kindBadge, kindName, labelOf, langBadge, langName, one } from './lib-format.js';
import { knownRegion, regionName, sectorName } from './lib-meta.js';
import { hrefFor, matchHref } from './lib-route.js';

const TRANSLATIONS = ['zh', 'ru', 'en'].flatMap((lang) => ['title_' + lang, 'summary_' + lang]);
const FIELD_ORDER = ['id', 'kind', 'lang', 'title', 'summary', ...TRANSLATIONS, 'organization', 'region', 'sectors', 'keywords',
  'trl', 'cooperation', 'ipr', 'contact', 'url', 'published', 'expires', 'body'];

function fieldValue(name, value, doc) {
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted' }, '—');
  switch (name) {
    case 'kind': return kindName(value);
    case 'lang': return langName(value);
    case 'region': return typeof value === 'string' && knownRegion(value) ? regionName(value) + ' (' + value + ')' : String(value);
    case 'sectors': return (Array.isArray(value) ? value : [value]).map((id) => sectorName(String(id))).join(', ');
    case 'cooperation': return (Array.isArray(value) ? value : [value]).map((type) => coopName(String(type))).join(', ');
    case 'url': {
      const text = String(value);
      return /^https?:\/\//i.test(text) ? h('a', { href: text, rel: 'noopener noreferrer', target: '_blank' }, text) : text;
    }
    case 'body': return h('div', { class: 'doc-body', lang: doc.lang || null }, String(value));
    case 'title_zh': case 'title_ru': case 'title_en': case 'summary_zh': case 'summary_ru': case 'summary_en':
      return h('span', { lang: name.slice(-2) }, String(value));
    default:
      if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
      if (typeof value === 'object') return h('code', {}, JSON.stringify(value));
      return String(value);
  }
}

export async function documentPage(root, route, alive) {
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
  const translatedTitle = doc.lang !== uiLanguage() ? doc['title_' + uiLanguage()] : '';
  add(root, heading,
    translatedTitle ? h('p', { class: 'translated-title', lang: uiLanguage(), id: 'translated-title' }, String(translatedTitle)) : null,
    h('div', { class: 'badges' }, kindBadge(doc.kind), langBadge(doc.lang), doc.trl ? badge(t('trl.value', { n: doc.trl }), 'trl') : null),
    h('p', { class: 'actions' },
      doc.kind === 'offer' || doc.kind === 'demand' || doc.kind === 'knowledge'
        ? h('a', { href: matchHref(doc.id || id), class: 'button primary', id: 'find-partners' }, t('doc.findPartners')) : null,
      h('a', { href: '#/search', class: 'button' }, t('doc.back'))));

  const side = h('div', { class: 'doc-side' });
  add(root, h('div', { class: 'doc-layout' }, docFields(doc), side));
  add(side, docConcepts(data, doc), ...docTags(data));
  const record = docRecord(data);
  if (record) add(side, record);
}

/** Every field: the contract's in its order, then the others by name. */
function docFields(doc) {
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
  return h('section', { class: 'doc-fields card', 'aria-labelledby': 'fields-heading' },
    h('h2', { id: 'fields-heading' }, t('doc.fields')), fields);
}

/** The concepts in the interface language, with the document's own label beside when it differs. */
function docConcepts(data, doc) {
  const concepts = Array.isArray(data.concepts) ? data.concepts : [];
  const conceptList = h('ul', { class: 'doc-concepts' });
  for (const concept of concepts) {
    const primary = labelOf(concept.labels);
    const own = doc.lang && doc.lang !== uiLanguage() && concept.labels ? one(concept.labels[doc.lang]) : '';
    add(conceptList, h('li', { class: 'concept', 'data-concept': concept.id },
      h('a', { href: hrefFor('/search', { q: primary }), title: t('doc.searchConcept', { label: primary }) },
        h('span', { class: 'concept-label primary', lang: uiLanguage() }, primary)),
      own ? [' ↔ ', h('span', { class: 'concept-label', lang: doc.lang }, own)] : null,
      concept.mentions ? h('span', { class: 'muted' }, ' · ' + t('doc.mentions', { n: concept.mentions })) : null));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'concepts-heading' },
    h('h2', { id: 'concepts-heading' }, t('doc.concepts')),
    concepts.length ? conceptList : h('p', { class: 'muted' }, t('doc.noConcepts')));
}

/** The sectors and regions, each marked stated (in the record) or inferred (from the text). */
function docTags(data) {
  const sections = [];
  for (const [key, entries, nameOf] of [['sectors', data.sectors, sectorName], ['regions', data.regions, regionName]]) {
    const list = h('ul', { class: 'tag-list' });
    for (const entry of Array.isArray(entries) ? entries : []) {
      const provenance = entry.provenance === 'inferred' ? 'inferred' : 'stated';
      add(list, h('li', { 'data-id': entry.id },
        h('span', {}, entry.labels ? labelOf(entry.labels) : nameOf(entry.id)), ' ',
        h('span', { class: 'prov prov-' + provenance, title: t('doc.' + provenance + 'Hint') }, t('doc.' + provenance))));
    }
    sections.push(h('section', { class: 'card', 'aria-labelledby': key + '-heading' },
      h('h2', { id: key + '-heading' }, t('doc.' + key)),
      list.childElementCount ? list : h('p', { class: 'muted' }, t('common.none'))));
  }
  return sections;
}

/** The stored record's revision, time and source line; null when the answer has none of them. */
function docRecord(data) {
  const record = h('dl', { class: 'record' });
  if (data.revision !== undefined) add(record, h('dt', {}, t('doc.revision')), h('dd', {}, String(data.revision)));
  if (data.updated_at) add(record, h('dt', {}, t('doc.updated')), h('dd', {}, String(data.updated_at)));
  if (data.source && data.source.path) {
    add(record, h('dt', {}, t('doc.source')),
      h('dd', { class: 'source-path' }, String(data.source.path) + (data.source.line ? ':' + data.source.line : '')));
  }
  if (!record.childElementCount) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'record-heading' },
    h('h2', { id: 'record-heading' }, t('doc.record')), record);
}
