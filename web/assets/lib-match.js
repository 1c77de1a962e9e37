// What the match page and the partner finder share: the filter controls and the ranked
// candidates with their score bars and per-factor reasons, rendered from the structured
// fields of each reason in the interface language.
import { hasText, languages, t } from './i18n.js';
import { add, h, option } from './lib-dom.js';
import { badge, coopName, fixed, kindBadge, labelOf, langBadge, langName, percent } from './lib-format.js';
import { meta, regionName, sectorName } from './lib-meta.js';
import { docHref } from './lib-route.js';

export function selectField(id, label, options, value) {
  const select = h('select', { id, name: id.replace(/^[a-z]+-/, '') },
    option('', t('common.any'), !value), options.map(([v, text]) => option(v, text, String(v) === String(value))));
  return [select, h('div', { class: 'field-group' }, h('label', { for: id }, label), select)];
}

function regionOptions() {
  // Countries, macro-regions, provinces and federal subjects; cities are found by name.
  const top = meta.regions.filter((region) => /^[A-Z]{2}(-[A-Z0-9]+)?$/.test(region.id));
  return top.map((region) => [region.id, labelOf(region.labels)]);
}

/** The filter controls of the match and finder pages; returns [fields, read()]. */
export function matchFilterControls(prefix, values) {
  const trls = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), String(n)]);
  const controls = {
    sector: selectField(prefix + '-sector', t('facet.sector'),
      meta.sectors.map((sector) => [sector.id, labelOf(sector.labels)]), values.sector),
    region: selectField(prefix + '-region', t('facet.region'), regionOptions(), values.region),
    lang: selectField(prefix + '-lang', t('facet.lang'), languages.map((lang) => [lang, langName(lang)]), values.lang),
    trl_min: selectField(prefix + '-trl_min', t('facet.trl_min'), trls, values.trl_min),
    trl_max: selectField(prefix + '-trl_max', t('facet.trl_max'), trls, values.trl_max),
    cooperation: selectField(prefix + '-cooperation', t('facet.cooperation'),
      meta.cooperation_types.map((type) => [type, coopName(type)]), values.cooperation),
  };
  const read = () => {
    const result = {};
    for (const [name, [select]] of Object.entries(controls)) if (select.value) result[name] = select.value;
    return result;
  };
  return [Object.values(controls).map(([, group]) => group), read];
}

function scoreBar(score, threshold) {
  const fill = h('span', { class: 'scorebar-fill' + (score >= threshold ? ' strong' : '') });
  const mark = h('span', { class: 'scorebar-threshold' });
  fill.style.width = Math.max(0, Math.min(100, score * 100)) + '%';
  mark.style.left = Math.max(0, Math.min(100, threshold * 100)) + '%';
  return h('span', { class: 'scorebar', role: 'img', 'aria-label': t('match.scoreLabel', { s: fixed(score), t: fixed(threshold) }) },
    fill, mark);
}

export function matchResult(data, sourceLang) {
  const threshold = Number(data.threshold) || 0;
  const candidates = Array.isArray(data.candidates) ? data.candidates : [];
  const wrap = h('div', { class: 'match-body' });
  add(wrap, h('p', { class: 'result-count', role: 'status', 'aria-live': 'polite' },
    candidates.length ? t('match.count', { n: candidates.length }) : t('match.none'),
    data.no_strong_candidate ? null : h('span', { class: 'muted threshold-note' }, ' · ' + t('match.threshold', { t: fixed(threshold) }))));
  if (data.no_strong_candidate) {
    add(wrap, h('p', { class: 'notice no-strong', id: 'no-strong' }, t('match.noStrong', { t: fixed(threshold) })));
  }
  const list = h('ol', { class: 'candidates' });
  candidates.forEach((candidate, index) => add(list, candidateItem(candidate, threshold, sourceLang, index < 3)));
  add(wrap, list);
  return wrap;
}

function candidateItem(candidate, threshold, sourceLang, open) {
  const score = Number(candidate.score) || 0;
  const reasons = Array.isArray(candidate.reasons) ? candidate.reasons : [];
  const expired = candidate.expired;
  return h('li', { class: 'candidate card' + (score >= threshold ? ' strong' : ''), 'data-id': candidate.id },
    h('div', { class: 'candidate-head' },
      h('h3', { class: 'candidate-title' }, h('a', { href: docHref(candidate.id), lang: candidate.lang || null }, candidate.title || candidate.id)),
      h('div', { class: 'badges' }, kindBadge(candidate.kind), langBadge(candidate.lang),
        score >= threshold ? badge(t('match.strong'), 'strong') : null,
        expired ? badge(t('match.expired'), 'expired') : null)),
    h('div', { class: 'score-row' }, scoreBar(score, threshold),
      h('span', { class: 'score-value' }, t('match.score', { s: fixed(score) }))),
    reasons.length ? h('details', { class: 'reasons-wrap', open }, h('summary', {}, t('match.reasons')),
      h('ul', { class: 'reasons' }, reasons.map((reason) => reasonItem(reason, candidate, sourceLang)))) : null);
}

function reasonDetail(reason, candidate, sourceLang) {
  const p = percent(reason.value);
  switch (reason.factor) {
    case 'concepts': {
      const shared = Array.isArray(reason.shared) ? reason.shared : [];
      if (!shared.length) return t('reason.noShared');
      return h('ul', { class: 'pairs' }, shared.map((pair) => h('li', { class: 'pair', 'data-relation': pair.relation || '' },
        h('span', { lang: sourceLang || null, class: 'pair-source' }, pair.source_label || pair.concept),
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ↔ '),
        h('span', { lang: candidate.lang || null, class: 'pair-candidate' }, pair.candidate_label || pair.candidate_concept),
        ' ', h('span', { class: 'relation relation-' + (pair.relation || 'same') },
          hasText('relation.' + pair.relation) ? t('relation.' + pair.relation) : String(pair.relation || '')))));
    }
    case 'text': return t('reason.text', { p });
    case 'sector': {
      const relation = hasText('sectorRel.' + reason.relation) ? t('sectorRel.' + reason.relation) : (reason.relation || '');
      const names = (Array.isArray(reason.sectors) ? reason.sectors : []).map((id) => sectorName(String(id))).join(', ');
      return relation + (names ? ' (' + names + ')' : '');
    }
    case 'trl': {
      const candidateTrl = reason.candidate_trl;
      const sourceTrl = reason.source_trl;
      if (candidateTrl && sourceTrl) return t('reason.trlBoth', { a: sourceTrl, b: candidateTrl, p });
      if (candidateTrl) return t('reason.trl', { n: candidateTrl, p });
      return t('reason.trlUnknown');
    }
    case 'cooperation': {
      const types = reason.shared;
      const base = Number(reason.value) >= 1 ? t('reason.coopFull') : t('reason.coopPart', { p });
      if (Array.isArray(types) && types.length) return base + '; ' + t('reason.coopTypes', { types: types.map((type) => coopName(String(type))).join(', ') });
      return base;
    }
    case 'region': {
      const region = reason.region;
      return region ? t('reason.region', { region: regionName(String(region)), p }) : t('reason.regionFit', { p });
    }
    case 'expired': return t('reason.expired');
    default: return reason.text || '';
  }
}

function reasonItem(reason, candidate, sourceLang) {
  const factor = String(reason.factor || '');
  const name = hasText('factor.' + factor) ? t('factor.' + factor) : factor;
  const contribution = Number(reason.contribution);
  const weight = h('span', { class: 'reason-weight' });
  if (Number.isFinite(contribution)) {
    const bar = h('span', { class: 'mini-bar', 'aria-hidden': 'true' }, h('span', { class: 'mini-fill' }));
    bar.firstChild.style.width = Math.max(0, Math.min(100, Number(reason.value) * 100 || 0)) + '%';
    add(weight, bar, h('span', { class: 'contribution', title: t('match.weightInfo', { v: percent(reason.value), w: fixed(reason.weight) }) },
      h('span', { 'aria-hidden': 'true' }, '+' + fixed(contribution)),
      h('span', { class: 'visually-hidden' }, t('match.contribution', { c: fixed(contribution) }) + ', ' +
        t('match.weightInfo', { v: percent(reason.value), w: fixed(reason.weight) }))));
  }
  return h('li', { class: 'reason factor-' + factor, 'data-factor': factor },
    h('span', { class: 'factor' }, name), weight,
    h('div', { class: 'reason-detail' }, reasonDetail(reason, candidate, sourceLang)));
}
