// The match page: the ranked partners of a stored document, narrowed by filters, with a
// CSV export of the same request.
import { t } from './i18n.js';
import { api, errorBox } from './lib-api.js';
import { add, h, loading, option, pageHeading, replace } from './lib-dom.js';
import { clampInt, kindBadge, kindName, langBadge } from './lib-format.js';
import { matchFilterControls, matchResult, selectField } from './lib-match.js';
import { docHref, matchHref, navigate, paramsObject } from './lib-route.js';

const MATCH_FILTERS = ['sector', 'region', 'lang', 'trl_min', 'trl_max', 'cooperation'];

export async function matchPage(root, route, alive) {
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
  const source = data.source;
  replace(sourceBox, h('p', { class: 'muted' }, t('match.for')),
    h('p', { class: 'source-title' }, h('a', { href: docHref(source.id || id), lang: source.lang || null }, source.title || source.id || id)),
    h('div', { class: 'badges' }, kindBadge(source.kind), langBadge(source.lang)));
  document.title = t('match.title') + ': ' + (source.title || id) + ' · TechBridge';
  if (source.kind && source.kind !== 'knowledge' && !target) targetGroup.hidden = true;
  replace(body, matchResult(data, source.lang));
}

