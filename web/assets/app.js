// Minimal search page: every text from the server is inserted as text, never as HTML.
'use strict';

const form = document.getElementById('search-form');
const statusLine = document.getElementById('status');
const results = document.getElementById('results');

function snippetNode(snippet, highlights) {
  // Highlights are UTF-8 byte ranges; convert through bytes to keep them exact.
  const bytes = new TextEncoder().encode(snippet);
  const decoder = new TextDecoder();
  const span = document.createElement('p');
  let cursor = 0;
  for (const [offset, length] of highlights) {
    span.append(decoder.decode(bytes.slice(cursor, offset)));
    const mark = document.createElement('mark');
    mark.textContent = decoder.decode(bytes.slice(offset, offset + length));
    span.append(mark);
    cursor = offset + length;
  }
  span.append(decoder.decode(bytes.slice(cursor)));
  return span;
}

async function search(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams();
  for (const name of ['q', 'kind', 'lang']) {
    const value = document.getElementById(name).value;
    if (value) params.set(name, value);
  }
  statusLine.textContent = '…';
  const response = await fetch('/api/search?' + params.toString());
  const data = await response.json();
  results.replaceChildren();
  if (!response.ok) {
    statusLine.textContent = data.error ? data.error.message : String(response.status);
    return;
  }
  statusLine.textContent = data.total + ' ⟶';
  for (const hit of data.hits) {
    const item = document.createElement('li');
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = hit.title;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [hit.id, hit.kind, hit.lang, hit.score].join(' · ');
    item.append(title, meta, snippetNode(hit.snippet, hit.highlights));
    results.append(item);
  }
}

form.addEventListener('submit', search);
