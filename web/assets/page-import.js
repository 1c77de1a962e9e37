// The import page: a JSONL or Markdown file checked first (nothing stored), its report
// shown, then stored on request; both need the access token.
import { t } from './i18n.js';
import { api, errorBox, tokenInput } from './lib-api.js';
import { add, h, loading, pageHeading, replace } from './lib-dom.js';
import { kindName, langName } from './lib-format.js';
import { docHref } from './lib-route.js';

// What the page keeps while the tab is open (the token is kept in sessionStorage, nothing else).
const importState = { name: '', format: '', text: '', report: null, error: null, stored: null };

function formatOf(name) {
  if (/\.jsonl$/i.test(name)) return 'jsonl';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return '';
}

export async function importPage(root, route, alive) {
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

  const show = () => showImport(output, async (store) => {
    store.disabled = true;
    await sendImport(token.value, true);
    if (alive()) show();
  });
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
    await sendImport(token.value, false);
    check.disabled = false;
    if (alive()) show();
  });
}

/** Sends the chosen file to be checked, or stored when `confirm`; the answer or the error goes to importState. */
async function sendImport(token, confirm) {
  const query = new URLSearchParams({ format: importState.format, filename: importState.name, confirm: confirm ? '1' : '0' });
  const headers = { 'Content-Type': importState.format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'text/markdown; charset=utf-8' };
  if (token) headers.Authorization = 'Bearer ' + token;
  try {
    const report = await api('/api/import?' + query.toString(), { method: 'POST', body: importState.text, headers });
    importState.error = null;
    if (confirm) importState.stored = report;
    else { importState.report = report; importState.stored = null; }
  } catch (error) {
    importState.error = error;
  }
}

/** The report of the last check (or of the storing), with a button to store when there is something to. */
function showImport(output, store) {
  output.replaceChildren();
  if (importState.error) add(output, errorBox(importState.error));
  const report = importState.stored || importState.report;
  if (!report) return;
  const problems = Array.isArray(report.problems) ? report.problems : [];
  const documents = Array.isArray(report.documents) ? report.documents : [];
  add(output, h('h2', {}, t('import.report', { name: importState.name })),
    h('p', { class: 'import-summary' }, t('import.summary', { records: report.records, valid: report.valid, problems: problems.length })));
  if (importState.stored) {
    const counts = ['added', 'updated', 'unchanged'].map((name) => t('import.' + name, { n: report[name] })).join(', ');
    add(output, h('p', { class: 'notice success', id: 'import-stored', role: 'status' },
      t('import.stored', { n: report.stored }), ' (' + counts + ')'));
  }
  add(output, h('h3', {}, t('import.problems')), problems.length
    ? problemTable(problems) : h('p', { class: 'muted' }, t('import.noProblems')));
  add(output, h('h3', {}, t('import.valid')), documents.length
    ? validTable(documents) : h('p', { class: 'muted' }, t('import.noValid')));
  if (!importState.stored && documents.length) {
    const button = h('button', { type: 'button', class: 'primary', id: 'import-store' }, t('import.store', { n: documents.length }));
    button.addEventListener('click', () => store(button));
    add(output, h('p', { class: 'form-actions' }, button));
  }
}

function problemTable(problems) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table problems', id: 'import-problems' },
    h('thead', {}, h('tr', {}, [t('import.line'), t('import.field'), t('import.message')].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, problems.map((problem) => h('tr', { 'data-line': problem.line ?? '' },
      h('td', { class: 'num' }, String(problem.line ?? '')),
      h('td', {}, h('code', {}, String(problem.field ?? ''))), h('td', {}, String(problem.message ?? '')))))));
}

/** The valid documents; once stored, each id links to its page. */
function validTable(documents) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table valid-docs', id: 'import-valid' },
    h('thead', {}, h('tr', {}, [t('import.line'), t('common.id'), t('field.kind'), t('field.lang'), t('field.title')].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, documents.map((doc) => h('tr', {},
      h('td', { class: 'num' }, String(doc.line ?? '')),
      h('td', {}, importState.stored ? h('a', { href: docHref(doc.id) }, String(doc.id)) : String(doc.id ?? '')),
      h('td', {}, kindName(doc.kind)), h('td', {}, langName(doc.lang)), h('td', { lang: doc.lang || null }, String(doc.title ?? '')))))));
}
