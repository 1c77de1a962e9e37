// Calls to the JSON API (docs/api.md) and their errors, said in the interface language.
import { t } from './i18n.js';
import { h } from './lib-dom.js';

const TOKEN_KEY = 'techbridge.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** fetch() with network failures and HTTP errors turned into an ApiError. */
export async function fetchApi(path, { method = 'GET', body, headers = {} } = {}) {
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

export async function api(path, options) {
  const response = await fetchApi(path, options);
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (data === null) throw new ApiError(response.status, 'bad_response', text.slice(0, 300));
  return data;
}

/** The error as a sentence in the interface language; `titles` maps a status to a page's own wording. */
export function errorBox(error, titles = {}) {
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

/** The access token field; the token is kept in sessionStorage for the pages that write. */
export function tokenInput(id) {
  const token = h('input', { id, name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': id + '-hint' });
  token.value = sessionStorage.getItem(TOKEN_KEY) || '';
  token.addEventListener('input', () => {
    if (token.value) sessionStorage.setItem(TOKEN_KEY, token.value);
    else sessionStorage.removeItem(TOKEN_KEY);
  });
  return token;
}
