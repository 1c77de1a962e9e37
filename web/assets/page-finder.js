// The partner finder: a pasted need or offer ranked like a stored one; nothing is stored.
import { t } from './i18n.js';
import { api, errorBox } from './lib-api.js';
import { add, h, loading, option, pageHeading, replace } from './lib-dom.js';
import { matchFilterControls, matchResult } from './lib-match.js';

// What the page keeps while the tab is open, so going back to it shows the last answer.
const finderState = { text: '', kind: 'demand', filters: {}, result: null, error: null };

export async function finderPage(root, route, alive) {
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
      replace(output, h('h2', {}, t('match.candidates')), matchResult(finderState.result, finderState.result.source.lang));
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
