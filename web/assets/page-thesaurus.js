// The thesaurus page: the concepts of a sector (or matching a filter) with their labels in
// the three languages, their broader concept and how many documents mention them.
import { languages, nativeNames, t } from './i18n.js';
import { api, errorBox } from './lib-api.js';
import { add, h, pageHeading } from './lib-dom.js';
import { labelOf, one } from './lib-format.js';
import { meta, sectorName } from './lib-meta.js';
import { hrefFor, navigate } from './lib-route.js';

export async function thesaurusPage(root, route, alive) {
  const sector = route.params.get('sector') || '';
  const query = route.params.get('q') || '';
  add(root, pageHeading(t('thesaurus.title')), h('p', { class: 'intro' }, t('thesaurus.intro')));

  const sectorList = h('ul', { class: 'sector-list' });
  for (const entry of meta.sectors) {
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
  count.textContent = t('thesaurus.count', { n: data.total });
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
