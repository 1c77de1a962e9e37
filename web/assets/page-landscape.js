// The landscape page: demands, offers and demands without a strong candidate by sector and
// by region, as SVG bar charts and as tables.
import { t } from './i18n.js';
import { api, errorBox } from './lib-api.js';
import { add, h, loading, pageHeading, replace, s } from './lib-dom.js';
import { labelOf } from './lib-format.js';
import { regionName, sectorName } from './lib-meta.js';
import { docHref } from './lib-route.js';

/** The label cut to about `width` units of 12-unit text (CJK characters are wider). */
function fitLabel(text, width) {
  let used = 0;
  let index = 0;
  for (const char of text) {
    used += /[\u2e80-\u9fff\uf900-\uffef]/.test(char) ? 12 : 8;
    if (used > width) return text.slice(0, Math.max(1, index - 1)) + '…';
    index += char.length;
  }
  return text;
}

function barChart(rows, byLabel, nameOf) {
  const labelWidth = 170;
  const chartWidth = 250;
  const rowHeight = 34;
  const top = 8;
  const width = labelWidth + chartWidth + 60;
  const height = top + rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((row) => Math.max(Number(row.demands) || 0, Number(row.offers) || 0)));
  const scale = (n) => (Number(n) || 0) / max * chartWidth;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bar-chart', role: 'img', 'aria-label': t('landscape.chart', { by: byLabel }),
    preserveAspectRatio: 'xMinYMin meet' });
  add(svg, s('title', {}, t('landscape.chart', { by: byLabel })));
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const name = nameOf(row);
    const short = fitLabel(name, labelWidth - 14);
    const demands = Number(row.demands) || 0;
    const offers = Number(row.offers) || 0;
    const gaps = Number(row.demands_without_strong_candidate) || 0;
    const group = s('g', { class: 'bar-row' + (gaps ? ' has-gap' : '') },
      s('title', {}, `${name}: ${t('landscape.demands')} ${demands}, ${t('landscape.offers')} ${offers}, ${t('landscape.gaps')} ${gaps}`),
      s('text', { x: labelWidth - 8, y: y + 17, class: 'bar-label', 'text-anchor': 'end' }, short),
      s('rect', { x: labelWidth, y: y + 3, width: Math.max(demands ? 1 : 0, scale(demands)), height: 12, class: 'bar bar-demands' }),
      gaps ? s('rect', { x: labelWidth + scale(demands - gaps), y: y + 3, width: Math.max(1, scale(gaps)), height: 12, class: 'bar bar-gaps' }) : null,
      s('rect', { x: labelWidth, y: y + 16, width: Math.max(offers ? 1 : 0, scale(offers)), height: 12, class: 'bar bar-offers' }),
      s('text', { x: labelWidth + scale(demands) + 4, y: y + 13, class: 'bar-value' }, String(demands) + (gaps ? ` (${gaps})` : '')),
      s('text', { x: labelWidth + scale(offers) + 4, y: y + 26, class: 'bar-value' }, String(offers)));
    add(svg, group);
  });
  return svg;
}

function landscapeTable(rows, byLabel, nameOf) {
  return h('table', { class: 'data-table' },
    h('caption', {}, t('landscape.table', { by: byLabel })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('landscape.name')), h('th', { scope: 'col', class: 'num' }, t('landscape.demands')),
      h('th', { scope: 'col', class: 'num' }, t('landscape.offers')), h('th', { scope: 'col', class: 'num' }, t('landscape.gaps')))),
    h('tbody', {}, rows.map((row) => {
      const gaps = Number(row.demands_without_strong_candidate) || 0;
      return h('tr', { class: gaps ? 'gap' : null }, h('th', { scope: 'row' }, nameOf(row)),
        h('td', { class: 'num' }, String(row.demands ?? 0)), h('td', { class: 'num' }, String(row.offers ?? 0)),
        h('td', { class: 'num' }, String(gaps)));
    })));
}

export async function landscapePage(root, route, alive) {
  add(root, pageHeading(t('landscape.title')), h('p', { class: 'intro' }, t('landscape.intro')));
  const body = h('div', {}, loading());
  add(root, body);
  const data = await api('/api/landscape').catch((error) => error);
  if (!alive()) return;
  if (data instanceof Error) { replace(body, errorBox(data)); return; }
  replace(body, h('ul', { class: 'legend', 'aria-label': t('landscape.legend') },
    h('li', {}, h('span', { class: 'swatch swatch-demands', 'aria-hidden': 'true' }), t('landscape.demands')),
    h('li', {}, h('span', { class: 'swatch swatch-gaps', 'aria-hidden': 'true' }), t('landscape.gaps')),
    h('li', {}, h('span', { class: 'swatch swatch-offers', 'aria-hidden': 'true' }), t('landscape.offers'))));
  const sections = [
    ['by-sector', t('landscape.bySector'), data.by_sector, (row) => (row.labels ? labelOf(row.labels) : row.id ? sectorName(row.id) : t('landscape.unknown'))],
    ['by-region', t('landscape.byRegion'), data.by_region, (row) => (row.labels ? labelOf(row.labels) : row.id ? regionName(row.id) : t('landscape.unknown'))],
  ];
  for (const [id, title, rows, nameOf] of sections) {
    const list = Array.isArray(rows) ? rows : [];
    add(body, h('section', { class: 'landscape-section card', id, 'aria-labelledby': id + '-heading' },
      h('h2', { id: id + '-heading' }, title),
      list.length ? h('div', { class: 'chart-wrap' }, barChart(list, title, nameOf)) : h('p', { class: 'muted' }, t('common.none')),
      list.length ? h('div', { class: 'table-wrap' }, landscapeTable(list, title, nameOf)) : null));
  }
  // Labels measured in place: cut the ones the font makes wider than their column.
  for (const label of body.querySelectorAll('.bar-label')) {
    let text = label.textContent;
    while (text.length > 2 && label.getComputedTextLength() > 160) {
      text = text.replace(/…$/, '').slice(0, -1);
      label.textContent = text + '…';
    }
  }
  const unmatched = Array.isArray(data.unmatched_demands) ? data.unmatched_demands : [];
  if (unmatched.length) {
    add(body, h('section', { class: 'card', 'aria-labelledby': 'unmatched-heading' },
      h('h2', { id: 'unmatched-heading' }, t('landscape.unmatched') + ' (' + unmatched.length + ')'),
      h('ul', { class: 'id-list' }, unmatched.map((docId) => h('li', {}, h('a', { href: docHref(docId) }, docId))))));
  }
}
