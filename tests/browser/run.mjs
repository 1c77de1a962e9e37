#!/usr/bin/env node
// Browser tests of the TechBridge web page: index a fresh store, start `techbridge serve`,
// drive headless Chromium through the pages and check what a user sees.
//
//   node tests/browser/run.mjs [--binary PATH] [--source DIR] [--work DIR] [--url URL]
//                              [--chromium PATH] [--only SUBSTRING]
//
// --binary   the techbridge executable (default: ../../build/techbridge from this file)
// --source   the project root with corpus/ and tests/browser/fixtures/ (default: ../..)
// --work     a directory for the store, the server log and failure screenshots
//            (default: a new temporary directory)
// --url      test a server that is already running instead (no index, no serve)
// --only     run only the tests whose name contains this text
//
// Prints `ok - NAME` or `not ok - NAME: reason` per test; exits 1 when any test failed,
// 77 when Chromium or playwright-core is missing (the test is skipped).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SKIP = 77;

function parseArguments(argv) {
  const options = {
    binary: path.resolve(here, '../../build/techbridge'),
    source: path.resolve(here, '../..'),
    work: '',
    url: '',
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    only: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in options) || i + 1 >= argv.length) {
      console.error(`usage: node run.mjs [--binary PATH] [--source DIR] [--work DIR] [--url URL] [--chromium PATH] [--only TEXT]\nunknown or incomplete option: ${argv[i]}`);
      process.exit(2);
    }
    options[name] = argv[++i];
  }
  for (const name of ['binary', 'source', 'work']) if (options[name]) options[name] = path.resolve(options[name]);
  if (!options.work) options.work = fs.mkdtempSync(path.join(os.tmpdir(), 'techbridge-browser-'));
  return options;
}

const options = parseArguments(process.argv.slice(2));
const fixtures = path.join(options.source, 'tests/browser/fixtures');
const TOKEN = options.url ? process.env.TECHBRIDGE_TOKEN || '' : 'browser-test-token-' + process.pid;
const started = Date.now();

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log(`# SKIP: playwright-core is not installed; run: npm ci --prefix ${path.relative(process.cwd(), here) || '.'}`);
  process.exit(SKIP);
}
if (!fs.existsSync(options.chromium)) {
  console.log(`# SKIP: no Chromium at ${options.chromium} (set --chromium or CHROMIUM)`);
  process.exit(SKIP);
}

// ------------------------------------------------------------------ the server

let server = null;
function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
}
/** Stops the server and waits for it to exit (5 s, then SIGKILL). */
async function stopServerAndWait() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { stopServer(); process.exit(130); });
}

function prepareStore() {
  const db = path.join(options.work, 'db');
  fs.rmSync(db, { recursive: true, force: true });
  const inputs = [path.join(options.source, 'corpus/documents'),
    ...fs.readdirSync(fixtures).filter((name) => name.endsWith('.jsonl')).sort().map((name) => path.join(fixtures, name))];
  const result = spawnSync(options.binary, ['index', '--db', db, ...inputs], { encoding: 'utf8', timeout: 60000 });
  if (result.error || result.status !== 0) {
    throw new Error(`techbridge index failed (${result.error ? result.error.message : 'exit ' + result.status}) ${result.stderr || ''}`);
  }
  return db;
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(path.join(options.work, 'server.log'));
    server = spawn(options.binary, ['serve', '--db', db, '--port', '0'], {
      env: { ...process.env, TECHBRIDGE_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    const timer = setTimeout(() => reject(new Error('the server printed no address within 20 s:\n' + seen)), 20000);
    server.stdout.on('data', (chunk) => {
      log.write(chunk);
      seen += chunk;
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${found[1]}`);
      }
    });
    server.stderr.on('data', (chunk) => { log.write(chunk); seen += chunk; });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${signal || 'exit ' + code}):\n${seen}`));
    });
  });
}

// ------------------------------------------------------------------ helpers

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

async function waitFor(locator, what, timeout = 10000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Failure(`${what} did not appear within ${timeout / 1000} s`);
  }
}

async function errorText(page) {
  const box = page.locator('.error');
  return (await box.count()) ? (await box.first().innerText()).replace(/\s+/g, ' ') : '';
}

/** Waits for `locator`, and if an error box shows up instead, fails with its text. */
async function expectShown(page, locator, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await locator.count()) return waitFor(locator, what, 2000);
    const error = await errorText(page);
    if (error && !(await locator.count())) throw new Failure(`${what} not shown; the page says: ${error}`);
    await page.waitForTimeout(100);
  }
  throw new Failure(`${what} did not appear within ${timeout / 1000} s`);
}

const tests = [];
function test(name, body, { timeout = 20000, locale = 'en-US' } = {}) {
  tests.push({ name, body, timeout, locale });
}

// ------------------------------------------------------------------ the tests

test('search in Chinese finds Russian offers and shows concept labels in all three languages', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.locator('#q').fill('激光焊接');
  await page.locator('#q').press('Enter');
  await expectShown(page, page.locator('.hits .hit'), 'search hits');
  const concepts = page.locator('.query-concepts');
  await waitFor(concepts, 'the query concepts');
  const conceptText = await concepts.innerText();
  check(conceptText.includes('лазерная сварка') && conceptText.includes('laser welding'),
    `query concepts lack the Russian and English labels: ${conceptText}`);
  check(await page.locator('.hits mark').count() > 0, 'no highlighted word in the snippets');
  check((await page.locator('#result-count').innerText()).trim() !== '', 'the result count is empty');

  // Narrow to offers with the facet, as a user would.
  const offerFacet = page.locator('a[data-facet="kind"][data-value="offer"]');
  await waitFor(offerFacet, 'the kind facet "offer"');
  await offerFacet.click();
  await page.waitForURL(/kind=offer/);
  await expectShown(page, page.locator('.hits .hit .badge.kind-offer'), 'offer hits');
  const kinds = await page.locator('.hits .hit .badge[data-kind]').evaluateAll((els) => els.map((el) => el.dataset.kind));
  check(kinds.length > 0 && kinds.every((kind) => kind === 'offer'), `the offer filter shows other kinds: ${kinds.join(', ')}`);
  check(await page.locator('.hits .hit .badge.lang[data-lang="ru"]').count() > 0,
    'no Russian-language offer among the hits of 激光焊接');
  check(await page.locator('a[data-facet="kind"][aria-current="true"]').count() === 1, 'the active facet is not marked');
});

test('a query no document fully matches shows documents with some of its words, and says so', async ({ page, base }) => {
  await page.goto(base + '/#/search?q=' + encodeURIComponent('лазерная сварка zzqxv'));
  await expectShown(page, page.locator('.hits .hit'), 'hits with some of the words');
  await waitFor(page.locator('#partial-notice'), 'the notice that the hits have some of the words');
  await page.goto(base + '/#/search?q=' + encodeURIComponent('лазерная сварка zzqxv qqzzx'));
  await expectShown(page, page.locator('.hits .hit'), 'hits with one of the words');
  await waitFor(page.locator('#relaxed-notice'), 'the notice that not enough words were found');
  await page.goto(base + '/#/search?q=' + encodeURIComponent('лазерная сварка'));
  await expectShown(page, page.locator('.hits .hit'), 'hits with every word');
  check(await page.locator('#relaxed-notice').count() === 0, 'the notice shows although documents have every word');
  check(await page.locator('#partial-notice').count() === 0, 'the partial notice shows for a query of one part');
});

for (const [ui, locale, typed, corrected, said] of [
  ['zh', 'zh-CN', '激光悍接', '激光焊接', '您是不是要找'],
  ['ru', 'ru-RU', 'свапка', 'сварка', 'Возможно, вы имели в виду'],
  ['en', 'en-US', 'welidng', 'welding', 'Did you mean'],
]) {
  test(`a mistyped query offers the corrected one, which searches when clicked (${ui})`, async ({ page, base }) => {
    await page.goto(base + '/#/search?q=' + encodeURIComponent(typed));
    const suggestion = page.locator('#suggestion a');
    await waitFor(suggestion, 'the did-you-mean link');
    check((await suggestion.innerText()) === corrected, `the suggestion is not ${corrected}`);
    const notice = await page.locator('#suggestion').innerText();
    check(notice.includes(said), `the did-you-mean notice is not in ${ui}: ${notice}`);
    await suggestion.click();
    await expectShown(page, page.locator('.hits .hit'), 'hits of the corrected query');
    check(await page.locator('#suggestion').count() === 0, 'the corrected query still offers a suggestion');
  }, { locale });
}

// Each interface language: a query in another language, hits in a third are glossed in the
// reader's language and marked where they carry the query's concept in their own words.
for (const [ui, locale, query, queryLang, label] of [
  ['zh', 'zh-CN', 'лазерная сварка', 'ru', '激光焊接'],
  ['ru', 'ru-RU', '激光焊接', 'zh', 'лазерная сварка'],
  ['en', 'en-US', '激光焊接', 'zh', 'laser welding'],
]) {
  test(`hits in other languages carry a gloss in the reader's language and marked words (${ui})`, async ({ page, base }) => {
    await page.goto(base + '/#/search?kind=offer&q=' + encodeURIComponent(query));
    await expectShown(page, page.locator('.hits .hit'), 'offer hits');
    const hits = await page.locator('.hits .hit').evaluateAll((items) => items.map((item) => ({
      lang: item.querySelector('.badge.lang')?.dataset.lang,
      gloss: item.querySelector('.gloss')?.textContent || '',
      glossLang: item.querySelector('.gloss')?.getAttribute('lang') || '',
      marks: [...item.querySelectorAll('.snippet mark')].map((mark) => mark.textContent),
    })));
    const foreign = hits.filter((hit) => hit.lang && hit.lang !== ui);
    check(foreign.length > 0, `no hit in another language than ${ui}`);
    check(foreign.every((hit) => hit.glossLang === ui), `a hit in another language has no gloss in ${ui}`);
    check(foreign.some((hit) => hit.gloss.includes(label)), `no gloss names ${label}: ${foreign.map((hit) => hit.gloss).join(' | ')}`);
    check(hits.filter((hit) => hit.lang === ui).every((hit) => hit.gloss === ''), 'a hit in the reader\'s language has a gloss');
    const marked = hits.filter((hit) => hit.lang !== queryLang && hit.marks.length > 0);
    check(marked.length > 0, `no hit in another language than the query's (${queryLang}) has marked words`);
    // The kind is one click away, and the order can be changed.
    await page.locator('.kind-nav a[data-kind="demand"]').click();
    await expectShown(page, page.locator('.hits .hit .badge.kind-demand'), 'demand hits after the kind tab');
    check(await page.locator('.kind-nav a[data-kind="demand"][aria-current="page"]').count() === 1, 'the demand tab is not marked');
    await page.locator('#order a[data-order="trl"]').click();
    await waitFor(page.locator('#order span.active[data-order="trl"]'), 'the TRL order marked');
    const trls = await page.locator('.hits .hit').evaluateAll((items) => items.map((item) =>
      Number(item.querySelector('.badge.trl')?.textContent.replace(/\D+/g, '') || 0)));
    check(trls.length > 1 && trls.every((trl, i) => i === 0 || trls[i - 1] >= trl || trl === 0),
      `hits are not by TRL, highest first: ${trls.join(', ')}`);
  }, { locale });

  test(`a query that finds nothing offers the nearest concepts and a looser search (${ui})`, async ({ page, base }) => {
    await page.goto(base + '/#/search?kind=knowledge&q=' + encodeURIComponent('бетонов телепортация'));
    const section = page.locator('#no-results');
    await waitFor(section, 'the no-results section');
    const heading = await page.locator('#no-results-heading').innerText();
    const expected = { zh: '未找到', ru: 'ничего не найдено', en: 'Nothing found' }[ui];
    check(heading.includes(expected), `the heading is not in ${ui}: ${heading}`);
    const concrete = page.locator('#no-results a[data-concept="concrete"]');
    await waitFor(concrete, 'the concept concrete among the nearest');
    const name = { zh: '混凝土', ru: 'бетон', en: 'concrete' }[ui];
    check((await concrete.innerText()).includes(name), `the concept is not named ${name}: ${await concrete.innerText()}`);
    const looser = page.locator('#no-results .looser-searches a');
    await waitFor(looser, 'a looser search');
    await looser.first().click();
    await expectShown(page, page.locator('.hits .hit'), 'hits of the looser search');
    check(await page.locator('#no-results').count() === 0, 'the looser search still shows no results');
  }, { locale });
}

test('a hit with the author\'s own translation shows its title and summary in the reader\'s language', async ({ page, base }) => {
  await page.goto(base + '/#/search?q=' + encodeURIComponent('硬质合金堆焊'));
  const hit = page.locator('.hits .hit[data-id="ui-fixture-off-ru-translated"]');
  await expectShown(page, hit, 'the translated fixture offer');
  const title = await hit.locator('.hit-title a').innerText();
  check(title === '牙轮钻头硬质合金堆焊', `the hit's title is not the Chinese one: ${title}`);
  check((await hit.locator('.original-title').innerText()).includes('Наплавка'), 'the original title is not shown');
  check((await hit.locator('.translated-summary').innerText()).includes('堆焊硬质合金'), 'the Chinese summary is not shown');
  await hit.locator('.hit-title a').click();
  await waitFor(page.locator('#translated-title'), 'the translated title on the document page');
  check(await page.locator('.field[data-field="title_zh"]').count() === 1, 'the document page lacks the title_zh field');
}, { locale: 'zh-CN' });

test('interface language switches zh → ru → en and is remembered', async ({ page, base }) => {
  await page.goto(base + '/');
  const navSearch = page.locator('#site-nav a[data-route="search"]');
  await waitFor(page.locator('#q'), 'the search box');
  const expect = async (lang, text) => {
    await page.waitForFunction(([l, t]) => document.documentElement.lang === l &&
      document.querySelector('#site-nav a[data-route="search"]').textContent === t, [lang, text], { timeout: 5000 })
      .catch(() => {});
    const shown = await navSearch.innerText();
    const htmlLang = await page.evaluate(() => document.documentElement.lang);
    check(shown === text && htmlLang === lang, `expected "${text}" with <html lang="${lang}", got "${shown}" with lang "${htmlLang}"`);
  };
  await expect('zh', '搜索'); // the browser asks for Chinese (Accept-Language zh-CN)
  await page.selectOption('#ui-lang', 'ru');
  await expect('ru', 'Поиск');
  check((await page.locator('label[for="q"]').innerText()).includes('русском'), 'the search label is not in Russian');
  await page.selectOption('#ui-lang', 'en');
  await expect('en', 'Search');
  await page.reload();
  await waitFor(page.locator('#q'), 'the search box after reload');
  await expect('en', 'Search');
  check(await page.locator('#ui-lang').inputValue() === 'en', 'the selector does not show the remembered language');
}, { locale: 'zh-CN' });

test('document page shows fields and concepts; find partners ranks candidates with reasons', async ({ page, base }) => {
  await page.goto(base + '/#/search?q=' + encodeURIComponent('不锈钢薄壁管道激光焊接') + '&kind=demand');
  const link = page.locator('.hit[data-id="ui-fixture-dem-zh-001"] .hit-title a');
  await expectShown(page, link, 'the fixture demand among the hits');
  await link.click();
  await page.waitForURL(/#\/doc\/ui-fixture-dem-zh-001/);
  await expectShown(page, page.locator('.fields .field'), 'the document fields');
  check((await page.locator('h1').innerText()).includes('不锈钢薄壁管道激光焊接工艺需求'), 'the title is not the heading');
  for (const field of ['id', 'kind', 'organization', 'region', 'sectors', 'trl', 'cooperation', 'body']) {
    check(await page.locator(`.field[data-field="${field}"]`).count() === 1, `field ${field} is not shown`);
  }
  await expectShown(page, page.locator('.doc-concepts .concept[data-concept="laser-welding"]'), 'the concept laser-welding');
  check(await page.locator('.tag-list .prov').count() > 0, 'sectors and regions carry no stated/inferred mark');

  await page.locator('#find-partners').click();
  await page.waitForURL(/#\/match\/ui-fixture-dem-zh-001/);
  await expectShown(page, page.locator('.candidates .candidate'), 'the ranked candidates', 15000);
  const widths = await page.locator('.candidate .scorebar-fill').evaluateAll((els) => els.map((el) => parseFloat(el.style.width)));
  check(widths.length > 0 && widths.some((w) => w > 0), `score bars have no width: ${widths.join(', ')}`);
  check(await page.locator('.candidate .scorebar-threshold').count() === widths.length, 'the threshold is not marked on every score bar');
  const pairs = page.locator('.candidate .reason[data-factor="concepts"] .pair');
  check(await pairs.count() > 0, 'no shared-concept pair in the reasons');
  check((await pairs.first().innerText()).includes('↔'), 'a shared concept is not shown as a pair');
  check(await page.locator('.candidate .reason .contribution').count() > 0, 'the factors show no contribution');
  const csv = await page.locator('#export-csv').getAttribute('href');
  check(csv && csv.includes('format=csv') && csv.includes('id=ui-fixture-dem-zh-001'), `bad CSV link: ${csv}`);
  const response = await page.request.get(base + csv);
  check(response.ok() && (response.headers()['content-type'] || '').startsWith('text/csv'),
    `the CSV export answers ${response.status()} ${response.headers()['content-type']}`);
});

test('match filters narrow the candidates and "no strong candidate" is said', async ({ page, base }) => {
  await page.goto(base + '/#/match/ui-fixture-dem-zh-001');
  await expectShown(page, page.locator('.candidates .candidate'), 'the ranked candidates', 15000);
  await page.locator('.filters-box summary').click();
  await page.selectOption('#match-sector', 'agriculture');
  await page.locator('.filters-form button[type="submit"]').click();
  await page.waitForURL(/sector=agriculture/);
  await expectShown(page, page.locator('#no-strong'), 'the "no strong candidate" message', 15000);
  check((await page.locator('#no-strong').innerText()).includes('No strong candidate'), 'the message is not in English');
  check((await page.locator('#export-csv').getAttribute('href')).includes('sector=agriculture'), 'the CSV link ignores the filter');
  check(await page.locator('#match-sector').inputValue() === 'agriculture', 'the filter form does not show the active filter');
});

test('API errors are shown as a sentence in the interface language with the server message', async ({ page, base }) => {
  await page.goto(base + '/#/doc/no-such-document');
  await expectShown(page, page.locator('.error[data-status="404"]'), 'the 404 message');
  const text = await page.locator('.error').innerText();
  check(text.includes('Not found') && text.includes('no-such-document'), `unclear error: ${text}`);
  await page.goto(base + '/#/search?q=laser&trl_min=12');
  await expectShown(page, page.locator('.error[data-status="400"]'), 'the 400 message');
  check((await page.locator('.error').innerText()).includes('trl_min'), 'the 400 message does not name the parameter');
});

test('partner finder ranks candidates for a pasted Russian text', async ({ page, base }) => {
  await page.goto(base + '/#/finder');
  await waitFor(page.locator('#finder-text'), 'the finder text box');
  await page.locator('#finder-text').fill(
    'Требуется технология лазерной сварки тонкостенных труб из нержавеющей стали для теплообменников. ' +
    'Сейчас применяем аргонодуговую сварку, после неё трубы приходится править. Нужен контроль шва и обучение персонала.');
  await page.selectOption('#finder-kind', 'demand');
  await page.locator('#finder-submit').click();
  await expectShown(page, page.locator('.candidates .candidate'), 'the finder candidates', 15000);
  const kinds = await page.locator('.candidate .badge[data-kind]').evaluateAll((els) => els.map((el) => el.dataset.kind));
  check(kinds.length > 0 && kinds.every((kind) => kind === 'offer'), `a need should get offers, got: ${kinds.join(', ')}`);
  check(await page.locator('.candidate .scorebar').count() > 0, 'no score bars');
});

test('import without a token shows "token missing or wrong"', async ({ page, base }) => {
  await page.goto(base + '/#/import');
  await waitFor(page.locator('#import-file'), 'the file input');
  await page.locator('#import-token').fill('');
  await page.setInputFiles('#import-file', path.join(fixtures, 'import/bad-import.jsonl'));
  await page.locator('#import-check').click();
  await expectShown(page, page.locator('.error[data-status="401"]'), 'the 401 message').catch(async (error) => {
    throw new Failure(error.message + ((await errorText(page)) ? '' : ' (no error box at all)'));
  });
  const text = await page.locator('.error').first().innerText();
  check(text.includes('Token missing or wrong'), `the 401 message is not the English sentence: ${text}`);
  // The page keeps the answer when the interface language changes and says it in Russian.
  await page.selectOption('#ui-lang', 'ru');
  await page.waitForFunction(() => (document.querySelector('.error') || {}).textContent?.includes('Токен'), null, { timeout: 5000 })
    .catch(() => {});
  check((await page.locator('.error').first().innerText()).includes('Токен не указан или неверен'),
    'the 401 message is not translated to Russian');
});

test('import with the token reports the bad line and field, then stores the valid document', async ({ page, base }) => {
  await page.goto(base + '/#/import');
  await waitFor(page.locator('#import-file'), 'the file input');
  await page.locator('#import-token').fill(TOKEN);
  await page.setInputFiles('#import-file', path.join(fixtures, 'import/bad-import.jsonl'));
  await page.locator('#import-check').click();
  await expectShown(page, page.locator('#import-problems'), 'the problem table');
  const row = page.locator('#import-problems tbody tr[data-line="2"]');
  check(await row.count() === 1, 'the problem table has no row for line 2');
  const rowText = await row.innerText();
  check(rowText.includes('trl'), `line 2 does not name the field trl: ${rowText}`);
  check((await page.locator('#import-valid').innerText()).includes('ui-fixture-import-001'), 'the valid document is not listed');
  check(await page.evaluate(() => sessionStorage.getItem('techbridge.token')) !== null, 'the token is not kept in sessionStorage');
  await page.locator('#import-store').click();
  await expectShown(page, page.locator('#import-stored'), 'the stored message');
  check((await page.locator('#import-stored').innerText()).includes('1'), 'the stored count is not 1');
  await page.goto(base + '/#/doc/ui-fixture-import-001');
  await expectShown(page, page.locator('.fields'), 'the imported document');
  check((await page.locator('h1').innerText()).includes('Лазерная очистка'), 'the imported document has the wrong title');
});

async function planExpo(page, base, token, fixture) {
  await page.goto(base + '/#/expo');
  await waitFor(page.locator('#expo-file'), 'the event file input');
  await page.locator('#expo-token').fill(token);
  await page.setInputFiles('#expo-file', path.join(fixtures, 'expo', fixture));
  await page.locator('#expo-plan').click();
}

/** Clicks `button`, waits for the download it starts and returns its name and content. */
async function downloaded(page, button, what) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }).catch(async () => {
      const said = await page.locator('#expo-download-status').innerText().catch(() => '');
      throw new Failure(`${what}: no download started${said ? '; the page says: ' + said.replace(/\s+/g, ' ') : ''}`);
    }),
    page.locator(button).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('expo: the planned event shows the meeting grid with interpreters, agendas and downloads', async ({ page, base, dialogs }) => {
  await planExpo(page, base, TOKEN, 'event.json');
  await expectShown(page, page.locator('#expo-grid td.meeting'), 'the meeting grid', 15000);
  const grid = page.locator('#expo-grid');
  check(await grid.locator('thead th[scope="col"]').count() === 4, 'the grid has not one column per table (3) plus the slot column');
  check(await grid.locator('tbody th[scope="row"]').count() === 4, 'the grid has not one row per slot (4)');
  check((await grid.locator('tbody tr[data-slot="s1"] th').innerText()).includes('09:00–09:25'), 'the first row does not show its time');
  const meetings = await grid.locator('td.meeting').count();
  check(meetings >= 5, `only ${meetings} meetings in the grid`);
  const stated = (await page.locator('#expo-stats [data-stat="meetings"] dd').innerText()).trim();
  check(stated === String(meetings), `the summary says ${stated} meetings, the grid shows ${meetings}`);
  for (const name of ['candidates', 'value', 'upper_bound', 'ratio_to_upper_bound', 'idle_gaps', 'seconds']) {
    check(await page.locator(`#expo-stats [data-stat="${name}"]`).count() === 1, `the summary lacks ${name}`);
  }
  const interpreted = grid.locator('td.meeting.has-interpreter');
  check(await interpreted.count() > 0, 'no meeting has an interpreter');
  check((await interpreted.first().innerText()).includes('Interpreter: int-'), 'the interpreter is not named in the cell');
  const cell = await grid.locator('td.meeting[data-a="ru-laser"], td.meeting[data-b="ru-laser"]').first().textContent();
  check(cell.includes('Лазерный центр <b>Томск</b> (пример)') && cell.includes('哈尔滨某装备制造企业（示例）'),
    `the must meeting of the laser centre is not in the grid: ${cell}`);
  check(await page.locator('main b, main script').count() === 0, 'an element was created from a participant name');
  const missed = page.locator('#expo-unscheduled li[data-a="ru-chita"]');
  check(await missed.count() === 1, 'the unscheduled must meeting (ru-chita ↔ cn-fushun) is not listed');
  check((await missed.innerText()).includes('no available slot in common'), `the reason is not given: ${await missed.innerText()}`);

  await page.selectOption('#expo-participant', 'cn-harbin');
  await expectShown(page, page.locator('#expo-agenda[data-participant="cn-harbin"] tbody tr'), 'the agenda of cn-harbin');
  const agenda = await page.locator('#expo-agenda').textContent();
  check(agenda.includes('Лазерный центр <b>Томск</b> (пример)') && agenda.includes('Photonics engineering centre (example)'),
    `the agenda of cn-harbin lacks a partner: ${agenda}`);
  check(agenda.includes('int-zh-'), 'the agenda names no interpreter');
  check(await page.locator('#expo-agenda tbody tr').count() === await grid.locator('td.meeting[data-a="cn-harbin"], td.meeting[data-b="cn-harbin"]').count(),
    'the agenda and the grid disagree on the meetings of cn-harbin');
  await page.selectOption('#ui-lang', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru', null, { timeout: 5000 }).catch(() => {});
  await expectShown(page, page.locator('#expo-agenda[data-participant="cn-harbin"]'), 'the agenda after switching to Russian');
  const header = await page.locator('#expo-agenda thead').innerText();
  check(header.includes('Собеседник') && header.includes('Переводчик'), `the agenda is not in Russian: ${header}`);
  check(await page.locator('#expo-participant').inputValue() === 'cn-harbin', 'the chosen participant is lost after the language switch');

  const csv = await downloaded(page, '#expo-csv', 'the schedule CSV');
  check(csv.text.startsWith('slot,start,end,table'), `the CSV starts with: ${csv.text.slice(0, 60)}`);
  check(csv.name.endsWith('.csv'), `the CSV is saved as ${csv.name}`);
  const ics = await downloaded(page, '#expo-ics', 'the calendar');
  check(ics.text.startsWith('BEGIN:VCALENDAR') && ics.name === 'calendar-cn-harbin.ics', `bad calendar ${ics.name}: ${ics.text.slice(0, 40)}`);
  const html = await downloaded(page, '#expo-html', 'the printable agenda');
  check(html.text.includes('<table') && html.name === 'agenda-cn-harbin.html', `bad agenda ${html.name}`);
  check(dialogs.length === 0, `a dialog fired: ${dialogs.join(', ')}`);
}, { timeout: 40000 });

test('expo: a bad event file is refused with the entry at fault named', async ({ page, base }) => {
  await planExpo(page, base, TOKEN, 'bad-unknown-slot.json');
  await expectShown(page, page.locator('.error[data-status="400"]'), 'the 400 message');
  const text = (await page.locator('.error').innerText()).replace(/\s+/g, ' ');
  check(text.includes('The event file was not accepted') && text.includes('participants[') && text.includes('"s9"'),
    `the message does not name the entry at fault: ${text}`);
  check(await page.locator('#expo-grid').count() === 0, 'a grid is shown for a refused file');
});

test('expo: planning without a token says "token missing or wrong"', async ({ page, base }) => {
  await planExpo(page, base, '', 'event.json');
  await expectShown(page, page.locator('.error[data-status="401"]'), 'the 401 message');
  check((await page.locator('.error').innerText()).includes('Token missing or wrong'), 'the 401 message is not the English sentence');
  await page.selectOption('#ui-lang', 'zh');
  await page.waitForFunction(() => (document.querySelector('.error') || {}).textContent?.includes('令牌'), null, { timeout: 5000 })
    .catch(() => {});
  check((await page.locator('.error').innerText()).includes('访问令牌缺失或不正确'), 'the 401 message is not translated to Chinese');
  check(await page.locator('#site-nav a[data-route="expo"]').innerText() === '展会洽谈', 'the navigation does not say 展会洽谈');
});

test('a title with <script> is shown as text and never run', async ({ page, base, dialogs }) => {
  await page.goto(base + '/#/search?q=' + encodeURIComponent('лазерная сварка тонкостенных трубопроводов'));
  const hit = page.locator('.hit[data-id="ui-fixture-off-ru-xss"] .hit-title a');
  await expectShown(page, hit, 'the hit with the script title');
  check((await hit.textContent()).includes('<script>alert(1)</script>'), 'the hit title does not show the literal <script>');
  await hit.click();
  await expectShown(page, page.locator('.fields'), 'the document fields');
  check((await page.locator('h1').textContent()).includes('<script>alert(1)</script>'), 'the heading does not show the literal <script>');
  check((await page.locator('.field[data-field="organization"] dd').textContent()).includes('<b>'), 'the organization is not shown as text');
  const extra = page.locator('.field[data-field="test_note"] dd');
  check(await extra.count() === 1, 'the additional field test_note is not shown');
  check((await extra.textContent()).includes('<img src=x onerror=alert(2)>'), 'the additional field is not shown as text');
  const injected = await page.evaluate(() => document.querySelectorAll('main script, main img, main b').length);
  check(injected === 0, `${injected} elements were created from document text`);
  await page.waitForTimeout(300);
  check(dialogs.length === 0, `a dialog fired: ${dialogs.join(', ')}`);
});

test('landscape page draws an SVG bar chart with the gaps and a table', async ({ page, base }) => {
  await page.goto(base + '/#/landscape');
  await expectShown(page, page.locator('#by-sector svg.bar-chart rect.bar'), 'the sector bar chart', 20000);
  check(await page.locator('#by-sector svg rect.bar-demands').count() > 0, 'no demand bars');
  check(await page.locator('#by-sector svg rect.bar-offers').count() > 0, 'no offer bars');
  check(await page.locator('svg rect.bar-gaps').count() > 0, 'no gap (demands without a strong candidate) is marked');
  check(await page.locator('#by-region svg.bar-chart rect.bar').count() > 0, 'no region bar chart');
  check(await page.locator('#by-sector table tbody tr').count() > 0, 'no sector table');
}, { timeout: 30000 });

test('thesaurus lists the concepts of a sector and filters them', async ({ page, base }) => {
  await page.goto(base + '/#/thesaurus');
  const sector = page.locator('.sector-list a[data-sector="lasers-photonics"]');
  await waitFor(sector, 'the sector lasers-photonics in the list');
  await sector.click();
  await page.waitForURL(/sector=lasers-photonics/);
  await expectShown(page, page.locator('#concepts-table tbody tr'), 'the concepts table');
  const rows = await page.locator('#concepts-table tbody tr').count();
  check(await page.locator('#concepts-table tr[data-concept="laser-welding"]').count() === 1, 'laser welding is not listed');
  await page.locator('#thesaurus-q').fill('焊接');
  await page.locator('#thesaurus-q').press('Enter');
  await page.waitForURL(/q=/);
  await expectShown(page, page.locator('#concepts-table tr[data-concept="laser-welding"]'), 'the filtered concepts');
  const filtered = await page.locator('#concepts-table tbody tr').count();
  check(filtered < rows, `the filter did not narrow the list (${filtered} of ${rows})`);
  const cells = await page.locator('#concepts-table tr[data-concept="laser-welding"] td').allInnerTexts();
  check(cells.includes('激光焊接') && cells.includes('лазерная сварка') && cells.includes('laser welding'),
    `laser welding lacks a label: ${cells.join(' | ')}`);
});

test('every form control has a label, every page has one main heading, the keyboard reaches the content', async ({ page, base }) => {
  await page.goto(base + '/');
  await waitFor(page.locator('#q'), 'the search box');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'skip-link', 'Tab does not reach the skip link first');
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => document.activeElement && document.activeElement.tagName) === 'H1', 'the skip link does not move to the content');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'q', 'the search box does not follow the heading');
  await page.keyboard.type('laser');
  await page.keyboard.press('Enter');
  await expectShown(page, page.locator('.hits .hit'), 'hits of a search typed with the keyboard');
  for (const route of ['#/search?q=laser', '#/match/ui-fixture-dem-zh-001', '#/finder', '#/import', '#/expo', '#/thesaurus?sector=lasers-photonics', '#/landscape']) {
    await page.goto(base + '/' + route);
    await waitFor(page.locator('main h1'), `the heading of ${route}`);
    await page.waitForLoadState('networkidle');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.id || el.name || el.tagName));
    check(unlabelled.length === 0, `${route}: controls without a label: ${unlabelled.join(', ')}`);
    check(await page.locator('main h1').count() === 1, `${route}: not exactly one h1`);
    check(await page.locator('header').count() >= 1 && await page.locator('nav').count() >= 1, `${route}: no header or nav landmark`);
  }
}, { timeout: 30000 });

test('the search page transfers less than 100 KB', async ({ page, base, context }) => {
  const responses = [];
  page.on('requestfinished', (request) => responses.push(request));
  await page.goto(base + '/#/search?q=' + encodeURIComponent('laser welding'));
  await expectShown(page, page.locator('.hits .hit'), 'search hits');
  await page.waitForLoadState('networkidle');
  let transferred = 0;
  let decoded = 0;
  for (const request of responses) {
    const sizes = await request.sizes();
    transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    const response = await request.response();
    if (response) decoded += (await response.body().catch(() => Buffer.alloc(0))).length;
  }
  console.log(`# search page: ${responses.length} responses, ${(transferred / 1024).toFixed(1)} KB transferred ` +
    `(bodies and headers), ${(decoded / 1024).toFixed(1)} KB uncompressed`);
  check(transferred <= 100 * 1024, `the search page transfers ${(transferred / 1024).toFixed(1)} KB`);
  void context;
});

// ------------------------------------------------------------------ running

async function main() {
  let base = options.url.replace(/\/$/, '');
  if (!base) {
    const db = prepareStore();
    base = await startServer(db);
  }
  console.log(`# testing ${base} (work directory ${options.work})`);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  const screenshots = path.join(options.work, 'screenshots');
  let failed = 0;
  const selected = tests.filter((entry) => entry.name.includes(options.only));
  try {
    for (const entry of selected) {
      const context = await browser.newContext({ locale: entry.locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10000);
      const dialogs = [];
      const pageErrors = [];
      page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        // Failed requests (401, 404) are logged by Chromium too; they are checked by the tests.
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) pageErrors.push(message.text());
      });
      let timer;
      try {
        await Promise.race([
          entry.body({ page, base, context, dialogs }),
          new Promise((resolve, reject) => { timer = setTimeout(() => reject(new Failure(`timed out after ${entry.timeout / 1000} s`)), entry.timeout); }),
        ]);
        check(pageErrors.length === 0, `errors in the page: ${pageErrors.join(' | ')}`);
        console.log(`ok - ${entry.name}`);
      } catch (error) {
        failed++;
        const reason = (error instanceof Failure ? error.message : String(error && error.stack || error)).split('\n')[0];
        const extra = pageErrors.length && !reason.includes('errors in the page') ? ` (page errors: ${pageErrors.join(' | ')})` : '';
        console.log(`not ok - ${entry.name}: ${reason}${extra}`);
        try {
          fs.mkdirSync(screenshots, { recursive: true });
          const file = path.join(screenshots, entry.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) + '.png');
          await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
          console.log(`#   screenshot: ${file}`);
        } catch (shotError) {
          console.log(`#   no screenshot: ${String(shotError.message || shotError).split('\n')[0]}`);
        }
      } finally {
        clearTimeout(timer);
        await context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`# ${selected.length - failed} of ${selected.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.log(`not ok - setup: ${String(error && error.message || error)}`);
  code = 1;
} finally {
  await stopServerAndWait();
}
process.exit(code);
