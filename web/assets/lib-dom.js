// Building the page's elements. Every text that comes from the server is inserted as text
// (text nodes or textContent), never parsed as HTML.
import { t } from './i18n.js';

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
export function add(el, ...children) {
  return append(el, children);
}

/** Replaces the children of el, like add. */
export function replace(el, ...children) {
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
export function h(tag, props, ...children) {
  return append(setProps(document.createElement(tag), props), children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, props, ...children) {
  return append(setProps(document.createElementNS(SVG_NS, tag), props), children);
}

export function option(value, text, selected) {
  return h('option', { value, selected: selected ? true : null }, text);
}

/** A heading with the page's title, focused after navigation to another page. */
export function pageHeading(text) {
  document.title = text + ' · TechBridge';
  return h('h1', { class: 'page-title', tabindex: '-1' }, text);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}
