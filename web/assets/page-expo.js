// The expo page: an event file (participants, slots, tables, requests) planned by the
// server into meetings, shown as a grid of slots by tables and as each participant's
// agenda; the schedule, calendars and printable agendas are downloaded from the server.
import { languages, t } from './i18n.js';
import { api, errorBox, fetchApi, tokenInput } from './lib-api.js';
import { add, h, option, pageHeading, replace } from './lib-dom.js';
import { badge, fixed, langName } from './lib-format.js';
import { docHref } from './lib-route.js';

// What the page keeps while the tab is open: the event file, its plan and the chosen participant.
const expoState = { name: '', text: '', plan: null, error: null, participant: '' };

const EXPO_STATS = ['meetings', 'candidates', 'value', 'upper_bound', 'ratio_to_upper_bound', 'optimum', 'ratio_to_optimum',
  'idle_gaps', 'seconds'];
const EXPO_ERRORS = { 400: 'expo.error400' };

/** "2027-06-15T09:00:00+08:00" → "09:00": the event's own clock, as on the printed agendas. */
function clockOf(iso) {
  const found = /T(\d{2}:\d{2})/.exec(String(iso ?? ''));
  return found ? found[1] : String(iso ?? '');
}

function dayOf(iso) {
  const found = /^(\d{4}-\d{2}-\d{2})/.exec(String(iso ?? ''));
  return found ? found[1] : '';
}

function slotLabel(slot, withDay) {
  if (!slot) return '';
  const day = withDay ? dayOf(slot.start) : '';
  return (day ? day + ' ' : '') + clockOf(slot.start) + '–' + clockOf(slot.end);
}

/** The plan with lookups: participants by id, slots and tables in the event's order. */
function expoModel(plan) {
  const event = plan.event || {};
  const participants = Array.isArray(event.participants) ? event.participants : [];
  const meetings = Array.isArray(plan.meetings) ? plan.meetings : [];
  const slots = Array.isArray(event.slots) ? [...event.slots] : [];
  const tables = (Array.isArray(event.tables) ? event.tables : []).map((table) => String(table));
  for (const meeting of meetings) {
    if (!slots.some((slot) => slot.id === meeting.slot)) slots.push({ id: meeting.slot, start: meeting.start, end: meeting.end });
    if (!tables.includes(String(meeting.table))) tables.push(String(meeting.table));
  }
  const slotIndex = new Map(slots.map((slot, index) => [slot.id, index]));
  return {
    event, participants, meetings, slots, tables, slotIndex,
    people: new Map(participants.map((person) => [person.id, person])),
    multiDay: new Set(slots.map((slot) => dayOf(slot.start))).size > 1,
    titles: plan.titles && typeof plan.titles === 'object' ? plan.titles : {},
    stats: plan.stats || {},
    unscheduled: Array.isArray(plan.unscheduled_must) ? plan.unscheduled_must : [],
  };
}

function personName(model, id) {
  const person = model.people.get(id);
  return person && person.name ? String(person.name) : String(id ?? '');
}

function personSpan(model, id, cls) {
  const person = model.people.get(id);
  const lang = person && Array.isArray(person.languages) && languages.includes(person.languages[0]) ? person.languages[0] : null;
  return h('span', { class: cls, lang, 'data-participant': id }, personName(model, id));
}

function requestBadge(priority) {
  return priority === 'must' || priority === 'nice' ? badge(t('expo.request.' + priority), 'request request-' + priority) : null;
}

function expoStats(model) {
  const list = h('dl', { class: 'expo-stats', id: 'expo-stats' });
  for (const name of EXPO_STATS) {
    const value = model.stats[name];
    let text;
    if (value === null || value === undefined) {
      if (name !== 'optimum') continue;
      text = t('expo.noOptimum');
    } else if (name.startsWith('ratio_')) text = fixed(value, 3);
    else if (name === 'value' || name === 'upper_bound' || name === 'optimum') text = fixed(value, 2);
    else if (name === 'seconds') text = t('expo.seconds', { s: fixed(value, Number(value) < 1 ? 3 : 1) });
    else text = String(value);
    add(list, h('div', { class: 'stat', 'data-stat': name }, h('dt', {}, t('expo.stat.' + name)), h('dd', {}, text)));
  }
  return list;
}

/** Why a must meeting stayed out, in the interface language; an unknown reason as the server says it. */
function unscheduledReason(model, entry) {
  const text = String(entry.reason ?? '');
  const a = personName(model, entry.a);
  const b = personName(model, entry.b);
  const p = text.startsWith(String(entry.b) + ' ') ? b : a;
  const kinds = [['noMeetings', /takes no meetings/], ['noCommonSlot', /no available slot in common/],
    ['noInterpreter', /share no language/], ['interpreterBusy', /^no interpreter/], ['maxMeetings', /max_meetings/],
    ['slotsTaken', /is taken/]];
  const found = kinds.find(([, pattern]) => pattern.test(text));
  return found ? t('expo.why.' + found[0], { a, b, p }) : text;
}

function expoUnscheduled(model) {
  if (!model.unscheduled.length) return h('p', { class: 'notice success', id: 'expo-all-must' }, t('expo.allMust'));
  return h('ul', { class: 'expo-unscheduled', id: 'expo-unscheduled' }, model.unscheduled.map((entry) =>
    h('li', { 'data-a': entry.a, 'data-b': entry.b },
      h('span', { class: 'pair-names' }, personSpan(model, entry.a, 'party'), personSpan(model, entry.b, 'party')),
      h('span', { class: 'unscheduled-reason' }, unscheduledReason(model, entry)))));
}

function meetingCell(model, meeting) {
  if (!meeting) {
    return h('td', { class: 'free' }, h('span', { 'aria-hidden': 'true' }, '·'), h('span', { class: 'visually-hidden' }, t('expo.free')));
  }
  return h('td', { class: 'meeting' + (meeting.interpreter ? ' has-interpreter' : ''), 'data-a': meeting.a, 'data-b': meeting.b },
    personSpan(model, meeting.a, 'party'), personSpan(model, meeting.b, 'party'),
    meeting.interpreter ? h('span', { class: 'interpreter' }, t('expo.interpreterIs', { id: meeting.interpreter })) : null,
    h('span', { class: 'meeting-meta' },
      // A requested pair whose documents were not matched has no score to show.
      Array.isArray(meeting.documents) && meeting.documents.length ? h('span', {}, t('expo.score', { s: fixed(meeting.score) })) : null,
      requestBadge(meeting.request)));
}

function expoGrid(model) {
  const cells = new Map();
  for (const meeting of model.meetings) cells.set(meeting.slot + '\n' + meeting.table, meeting);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table expo-grid', id: 'expo-grid' },
    h('caption', {}, t('expo.gridCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('expo.slot')),
      model.tables.map((table) => h('th', { scope: 'col' }, t('expo.tableN', { id: table }))))),
    h('tbody', {}, model.slots.map((slot) => h('tr', { 'data-slot': slot.id },
      h('th', { scope: 'row' }, h('span', { class: 'slot-time' }, slotLabel(slot, model.multiDay)), ' ',
        h('span', { class: 'slot-id' }, slot.id)),
      model.tables.map((table) => meetingCell(model, cells.get(slot.id + '\n' + table))))))));
}

/** The shared concepts of a reason ("稠油 ↔ тяжелая нефть (broader); ..."), the relation in the interface language. */
function reasonPairs(reasons) {
  const items = [];
  for (const reason of reasons) {
    for (const part of String(reason).split(/;\s*/)) {
      if (!part.trim()) continue;
      const found = /^(.*?)\s*\((same|broader|narrower|sibling)\)$/.exec(part);
      items.push(h('li', { class: 'pair' }, found ? found[1] : part,
        found ? [' ', h('span', { class: 'relation relation-' + found[2] }, t('relation.' + found[2]))] : null));
    }
  }
  return items.length ? h('li', {}, h('span', { class: 'why-label' }, t('factor.concepts') + ': '), h('ul', { class: 'pairs' }, items)) : null;
}

function expoAgenda(model, id) {
  const person = model.people.get(id) || { id, languages: [], documents: [] };
  const owned = new Set(Array.isArray(person.documents) ? person.documents : []);
  const mine = model.meetings.filter((meeting) => meeting.a === id || meeting.b === id)
    .sort((x, y) => (model.slotIndex.get(x.slot) ?? 0) - (model.slotIndex.get(y.slot) ?? 0));
  const spoken = (Array.isArray(person.languages) ? person.languages : []).map((lang) => langName(lang)).join(', ');
  const intro = h('p', { class: 'muted', id: 'expo-agenda-info' },
    spoken ? t('expo.languages', { list: spoken }) + ' · ' : null, t('expo.meetingCount', { n: mine.length }));
  if (!mine.length) return [intro, h('p', { class: 'muted', id: 'expo-agenda-empty' }, t('expo.noMeetings'))];
  const documentItem = (doc, key) => h('li', {}, h('span', { class: 'why-label' }, t(key) + ': '),
    h('a', { href: docHref(doc) }, String(model.titles[doc] || doc)));
  return [intro, h('div', { class: 'table-wrap' }, h('table', { class: 'data-table expo-agenda', id: 'expo-agenda', 'data-participant': id },
    h('caption', {}, t('expo.agendaCaption', { name: personName(model, id) })),
    h('thead', {}, h('tr', {}, [t('expo.time'), t('expo.table'), t('expo.partner'), t('expo.interpreter'), t('expo.why')]
      .map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, mine.map((meeting) => {
      const partner = meeting.a === id ? meeting.b : meeting.a;
      const documents = Array.isArray(meeting.documents) ? meeting.documents : [];
      return h('tr', { 'data-slot': meeting.slot, 'data-partner': partner },
        h('th', { scope: 'row' }, slotLabel(model.slots[model.slotIndex.get(meeting.slot)] || meeting, model.multiDay)),
        h('td', {}, String(meeting.table ?? '')),
        h('td', {}, personSpan(model, partner, 'partner')),
        h('td', {}, meeting.interpreter ? String(meeting.interpreter) : h('span', { class: 'muted' }, t('expo.noInterpreter'))),
        h('td', {}, h('ul', { class: 'expo-why' },
          documents.filter((doc) => owned.has(doc)).map((doc) => documentItem(doc, 'expo.ownDocument')),
          documents.filter((doc) => !owned.has(doc)).map((doc) => documentItem(doc, 'expo.partnerDocument')),
          reasonPairs(Array.isArray(meeting.reasons) ? meeting.reasons : []),
          meeting.request === 'must' || meeting.request === 'nice' ? h('li', {}, requestBadge(meeting.request)) : null)));
    }))))];
}

/** Hands a fetched file to the browser as a download (a Blob object URL on an <a download>). */
function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function fileSafe(id) {
  return String(id).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'participant';
}

export async function expoPage(root, route, alive) {
  add(root, pageHeading(t('expo.title')), h('p', { class: 'intro' }, t('expo.intro')));
  const token = tokenInput('expo-token');
  const file = h('input', { id: 'expo-file', name: 'file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'expo-file-hint' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'expo-plan' }, t('expo.plan'));
  const form = h('form', { class: 'expo-form card' },
    h('div', { class: 'field-group' }, h('label', { for: 'expo-token' }, t('import.token')), token,
      h('p', { class: 'muted', id: 'expo-token-hint' }, t('expo.tokenHint'))),
    h('div', { class: 'field-group' }, h('label', { for: 'expo-file' }, t('expo.file')), file,
      h('p', { class: 'muted', id: 'expo-file-hint' }, t('expo.fileHint'),
        expoState.name ? [' ', h('span', { id: 'expo-current' }, t('expo.current', { name: expoState.name }))] : null)),
    h('div', { class: 'form-actions' }, button));
  const status = h('p', { class: 'result-count', id: 'expo-status', role: 'status', 'aria-live': 'polite' });
  const output = h('div', { class: 'expo-output', id: 'expo-output' });
  add(root, form, status, output);
  showPlan(output, status, token);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen && !expoState.text) {
      replace(output, h('p', { class: 'error', role: 'alert' }, t('expo.noFile')));
      return;
    }
    if (chosen) Object.assign(expoState, { name: chosen.name, text: await chosen.text() });
    button.disabled = true;
    status.textContent = t('expo.planning');
    output.replaceChildren();
    try {
      expoState.plan = await api('/api/expo/plan', { method: 'POST', body: expoState.text, headers: expoHeaders(token, 'application/json') });
      expoState.error = null;
    } catch (error) {
      expoState.plan = null;
      expoState.error = error;
    } finally {
      button.disabled = false;
    }
    if (alive()) showPlan(output, status, token);
  });
}

/** The headers of a request for the plan; the token is read from its field when the request is made. */
function expoHeaders(token, accept) {
  const result = { 'Content-Type': 'application/json; charset=utf-8', Accept: accept };
  if (token.value) result.Authorization = 'Bearer ' + token.value;
  return result;
}

/** The plan again in another format (CSV, iCalendar, HTML), saved as a file; `notice` says how it went. */
async function downloadPlan(token, params, filename, notice) {
  replace(notice, t('expo.downloading'));
  try {
    const response = await fetchApi('/api/expo/plan?' + new URLSearchParams(params).toString(),
      { method: 'POST', body: expoState.text, headers: expoHeaders(token, '*/*') });
    saveBlob(await response.blob(), filename);
    replace(notice, t('expo.downloaded', { name: filename }));
  } catch (error) {
    replace(notice, errorBox(error, EXPO_ERRORS));
  }
}

/** The last plan (or its error): summary, unscheduled must meetings, the grid and the agendas. */
function showPlan(output, status, token) {
  output.replaceChildren();
  if (expoState.error) {
    status.textContent = '';
    add(output, errorBox(expoState.error, EXPO_ERRORS));
    return;
  }
  if (!expoState.plan) return;
  const model = expoModel(expoState.plan);
  status.textContent = t('expo.planned', { n: model.meetings.length, name: expoState.name });
  if (!model.people.has(expoState.participant)) {
    const busy = model.participants.find((person) => model.meetings.some((m) => m.a === person.id || m.b === person.id));
    expoState.participant = (busy || model.participants[0] || {}).id || '';
  }
  const notice = h('div', { class: 'download-status', id: 'expo-download-status', 'aria-live': 'polite' });
  const csv = h('button', { type: 'button', id: 'expo-csv' }, t('expo.downloadCsv'));
  csv.addEventListener('click', () => downloadPlan(token, { format: 'csv' }, 'expo-schedule.csv', notice));

  const eventName = model.event.name ? String(model.event.name) : '';
  add(output,
    h('section', { class: 'card expo-section', 'aria-labelledby': 'expo-summary-heading' },
      h('h2', { id: 'expo-summary-heading' }, t('expo.summary')),
      eventName ? h('p', { class: 'expo-event-name' }, eventName) : null,
      h('p', { class: 'muted' }, t('expo.eventSize', { participants: model.participants.length, slots: model.slots.length, tables: model.tables.length })),
      expoStats(model)),
    h('section', { class: 'card expo-section', 'aria-labelledby': 'expo-unscheduled-heading' },
      h('h2', { id: 'expo-unscheduled-heading' }, t('expo.unscheduled')), expoUnscheduled(model)),
    h('section', { class: 'expo-section', 'aria-labelledby': 'expo-schedule-heading' },
      h('div', { class: 'section-head' }, h('h2', { id: 'expo-schedule-heading' }, t('expo.schedule')), csv),
      model.meetings.length ? expoGrid(model) : h('p', { class: 'muted' }, t('expo.noneScheduled'))),
    agendaSection(model, token, notice),
    notice);
}

/** The chosen participant's agenda, with the selector and the downloads of their calendar and printable agenda. */
function agendaSection(model, token, notice) {
  const select = h('select', { id: 'expo-participant', name: 'participant' }, model.participants.map((person) => {
    const count = model.meetings.filter((m) => m.a === person.id || m.b === person.id).length;
    return option(person.id, t('expo.participantOption', { name: person.name || person.id, n: count }), person.id === expoState.participant);
  }));
  const agenda = h('div', { class: 'expo-agenda-body', id: 'expo-agenda-body' }, expoAgenda(model, expoState.participant));
  select.addEventListener('change', () => {
    expoState.participant = select.value;
    replace(agenda, expoAgenda(model, select.value));
  });
  const ics = h('button', { type: 'button', id: 'expo-ics' }, t('expo.downloadIcs'));
  ics.addEventListener('click', () => downloadPlan(token, { format: 'ics', participant: select.value },
    'calendar-' + fileSafe(select.value) + '.ics', notice));
  const html = h('button', { type: 'button', id: 'expo-html' }, t('expo.downloadHtml'));
  html.addEventListener('click', () => downloadPlan(token, { format: 'html', participant: select.value },
    'agenda-' + fileSafe(select.value) + '.html', notice));
  return h('section', { class: 'card expo-section', 'aria-labelledby': 'expo-agenda-heading' },
    h('h2', { id: 'expo-agenda-heading' }, t('expo.agendas')),
    h('div', { class: 'agenda-controls' },
      h('div', { class: 'field-group' }, h('label', { for: 'expo-participant' }, t('expo.participant')), select),
      h('div', { class: 'form-actions' }, ics, html)),
    agenda);
}
