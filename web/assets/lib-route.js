// Hash routing: "#/page/segment?params". Links are plain hrefs made here; app.js draws the
// page of the current hash.
let draw = () => {};

/** The function that draws the current hash's page (app.js), for navigate() to the same hash. */
export function setDrawer(fn) {
  draw = fn;
}

export function parseHash() {
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

/** Goes to the hash; a form sent again with the same values draws the page anew (no hashchange then). */
export function navigate(hash) {
  if (location.hash === hash) draw();
  else location.hash = hash;
}

export function hrefFor(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return '#' + path + (text ? '?' + text : '');
}

export function docHref(id) { return '#/doc/' + encodeURIComponent(id); }
export function matchHref(id, params) { return hrefFor('/match/' + encodeURIComponent(id), params); }

/** The named parameters that have a value. */
export function paramsObject(params, names) {
  const result = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) result[name] = value;
  }
  return result;
}
