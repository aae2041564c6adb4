// The dashboard: a region's scorecard for a year, the alert feed (live over server-sent events), a chart
// per indicator and the figures of one series with their sources. Plain JavaScript over the public API,
// so that what the page shows is what any client can read.

const UNITS = {
  percent: { zh: '%', en: '%' },
  cny_100m: { zh: ' 亿元', en: ' CNY 100m' },
  persons: { zh: ' 人', en: ' people' },
  count: { zh: ' 家', en: '' },
  per_10k_people: { zh: ' 件/万人', en: ' per 10,000 people' },
};
const COMPARATORS = { eq: '', gt: '> ', gte: '≥ ', approx: '≈ ', lt: '< ', lte: '≤ ' };
const STATUS_NAMES = {
  MISSED: '未达标 missed', MET: '达标 met', AT_RISK: '有风险 at risk', OVERDUE: '实际值逾期 overdue',
  PENDING: '待公布 pending', NO_TARGET: '无目标 no target', NO_DATA: '无数据 no data',
};
const KIND_NAMES = { TARGET_MISSED: '未达目标', TARGET_AT_RISK: '目标有风险', ACTUAL_OVERDUE: '实际值逾期' };
const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

const $ = (selector) => document.querySelector(selector);
const state = { regions: [], region: null, year: null, stream: null, charts: [], refresh: null };

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${url}: ${response.status} ${problem.detail ?? response.statusText}`);
  }
  return response.json();
}

function say(text) {
  $('#status-line').textContent = text;
}

function amount(figure, unit) {
  if (!figure) return '—';
  return `${COMPARATORS[figure.comparator] ?? ''}${numbers.format(figure.value)}${UNITS[unit]?.zh ?? ''}`;
}

function names(named) {
  return [named.names['zh-Hans'] ?? named.indicator, element('span', { class: 'en' }, named.names.en ?? '')];
}

// --- choosing a region and year ----------------------------------------------------------------------

async function start() {
  const page = await getJson('/api/v1/regions?size=1000');
  state.regions = page.items;
  const wanted = new URLSearchParams(location.search);
  const withData = state.regions.filter((r) => r.years.length > 0);
  const region = state.regions.find((r) => r.id === wanted.get('region')) ?? withData[0] ?? state.regions[0];
  const regionSelect = $('#region');
  state.regions.forEach((r) => regionSelect.append(element('option', { value: r.id },
    `${r.names['zh-Hans'] ?? r.id} ${r.names.en ?? ''}${r.years.length ? '' : ' (no data)'}`)));
  regionSelect.value = region.id;
  regionSelect.addEventListener('change', () => choose(regionSelect.value, null));
  $('#year').addEventListener('change', () => choose(state.region, Number($('#year').value)));
  await choose(region.id, Number(wanted.get('year')) || null);
}

/** The latest year up to this one that has figures, else the earliest later one. */
function defaultYear(years) {
  const thisYear = new Date().getFullYear();
  const past = years.filter((y) => y < thisYear);
  return past.length ? past[past.length - 1] : (years[0] ?? thisYear - 1);
}

async function choose(regionId, year) {
  const region = state.regions.find((r) => r.id === regionId);
  state.region = regionId;
  state.year = year ?? defaultYear(region.years);
  const yearSelect = $('#year');
  yearSelect.replaceChildren(...[...new Set([...region.years, state.year])].sort()
    .map((y) => element('option', { value: y }, y)));
  yearSelect.value = state.year;
  history.replaceState(null, '', `?region=${regionId}&year=${state.year}`);
  $('#series-section').hidden = true;
  say('载入中… loading');
  try {
    await Promise.all([scorecard(), alerts(), charts()]);
    say(`${region.names['zh-Hans'] ?? regionId} · ${state.year} · 更新于 ${new Date().toLocaleTimeString()}`);
  } catch (error) {
    say(`出错 error: ${error.message}`);
  }
  listen();
}

// --- scorecard -----------------------------------------------------------------------------------------

async function scorecard() {
  const card = await getJson(`/api/v1/regions/${state.region}/scorecard?year=${state.year}`);
  $('#scorecard-title').textContent = `${card.names['zh-Hans']} ${card.names.en} ${card.year}`;
  $('#scorecard-csv').href = `/api/v1/regions/${state.region}/scorecard?year=${state.year}`;
  $('#scorecard-csv').onclick = (event) => download(event, card);
  // Indicators with figures first, in the catalogue's order; the rest after them, greyed.
  const rows = [...card.indicators].sort((a, b) => (a.status === 'NO_DATA') - (b.status === 'NO_DATA'));
  $('#scorecard tbody').replaceChildren(...rows.map((row) => {
    const tr = element('tr', { 'data-indicator': row.indicator, 'data-status': row.status,
      class: row.status === 'NO_DATA' ? 'no-data' : null },
    element('td', {}, names(row)),
    element('td', { class: 'number target' }, amount(row.target, row.unit)),
    element('td', { class: 'number actual' }, amount(row.actual, row.unit),
      row.actual?.status ? element('span', { class: 'en' }, row.actual.status) : ''),
    element('td', {}, element('span', { class: `badge ${row.status}` }, STATUS_NAMES[row.status] ?? row.status)),
    element('td', { class: 'number shortfall' },
      row.shortfall != null ? `${numbers.format(row.shortfall)}${UNITS[row.unit]?.zh ?? ''}` : ''));
    if (row.status !== 'NO_DATA') tr.addEventListener('click', () => series(row.indicator, tr));
    return tr;
  }));
}

/** The scorecard as CSV, through the API's own export (it answers text/csv when asked for it). */
async function download(event, card) {
  event.preventDefault();
  const response = await fetch(`/api/v1/regions/${state.region}/scorecard?year=${state.year}`,
    { headers: { Accept: 'text/csv' } });
  const link = element('a', { href: URL.createObjectURL(await response.blob()),
    download: `${card.region}-${card.year}-scorecard.csv` });
  link.click();
  URL.revokeObjectURL(link.href);
}

// --- one series: every figure with its source ------------------------------------------------------------

async function series(indicator, row) {
  document.querySelectorAll('#scorecard tr.chosen').forEach((tr) => tr.classList.remove('chosen'));
  row?.classList.add('chosen');
  const timeline = await getJson(`/api/v1/series/${state.region}/${indicator}`);
  $('#series-title').textContent = `${timeline.names['zh-Hans']} ${timeline.names.en} · 历次数据与来源 figures and sources`;
  const rows = timeline.years.flatMap((year) => [
    ...(year.earlierFiguresOmitted ? [element('tr', { class: 'omitted', 'data-year': year.year },
      element('td', {}, year.year),
      element('td', { colspan: 4 }, '更早的数据未显示 ', element('span', { class: 'en' }, 'earlier figures of this year not shown')))] : []),
    ...year.history.map((figure) => element('tr',
      { class: figure.current ? 'current' : 'superseded', 'data-year': year.year, 'data-kind': figure.kind },
      element('td', {}, year.year),
      element('td', {}, figure.kind === 'target' ? '目标 target' : '实际 actual',
        figure.status ? element('span', { class: 'en' }, figure.status) : ''),
      element('td', { class: 'number' }, amount(figure, timeline.unit)),
      element('td', {}, figure.current ? '✓ ' : '', element('span', { class: 'en' }, figure.why)),
      element('td', { class: 'sentence' }, source(figure))))]);
  $('#series tbody').replaceChildren(...rows);
  $('#series-section').hidden = false;
  $('#series-section').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}

function source(figure) {
  const s = figure.source ?? {};
  const title = s.title ?? s.publisher ?? '来源未注明 source not given';
  const published = s.publishedAt ? ` · ${s.publishedAt.substring(0, 10)}` : '';
  // Only web addresses become links: a javascript: URL in a posted figure must not run here.
  const heading = /^https?:\/\//i.test(s.url ?? '')
    ? element('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, title)
    : element('span', { title: s.url ?? '' }, title);
  return [element('q', {}, figure.sentence ?? ''), element('span', { class: 'en' }, heading, published)];
}

// --- charts ------------------------------------------------------------------------------------------------

async function charts() {
  state.charts.forEach((chart) => chart.destroy());
  state.charts = [];
  const indicators = new Set();
  for (let page = 0; ; page++) {
    const result = await getJson(`/api/v1/series?region=${state.region}&size=1000&page=${page}`);
    result.items.forEach((s) => indicators.add(s.indicator));
    if (!result.hasNext) break;
  }
  const timelines = await Promise.all([...indicators].sort()
    .map((indicator) => getJson(`/api/v1/series/${state.region}/${indicator}`)));
  $('#charts').replaceChildren(...timelines.map(chart));
}

function chart(timeline) {
  const canvas = element('canvas', { height: 180 });
  const figure = element('figure', { 'data-indicator': timeline.indicator },
    element('figcaption', {}, names(timeline)), canvas);
  const years = timeline.years.map((y) => y.year);
  const value = (kind) => timeline.years.map((y) => y.current[kind]?.value ?? null);
  if (window.Chart) {
    state.charts.push(new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: years,
        datasets: [
          { label: '目标 target', data: value('target'), borderColor: '#ef6c00', backgroundColor: '#ef6c00',
            borderDash: [6, 4], spanGaps: true, pointStyle: 'rectRot', pointRadius: 5 },
          { label: '实际 actual', data: value('actual'), borderColor: '#1565c0', backgroundColor: '#1565c0',
            spanGaps: true, pointRadius: 4 },
        ],
      },
      options: {
        animation: false,
        plugins: { legend: { labels: { boxWidth: 12 } } },
        scales: { y: { title: { display: true, text: UNITS[timeline.unit]?.en || timeline.unit } } },
      },
    }));
  }
  return figure;
}

// --- alerts ------------------------------------------------------------------------------------------------

async function alerts() {
  const page = await getJson(`/api/v1/alerts?state=firing&region=${state.region}&size=200`);
  $('#alerts').replaceChildren(...page.items.map((alert) => alertItem(alert, false)));
}

function alertItem(alert, fresh) {
  const summary = alert.summary ?? {};
  return element('li', { class: `${alert.severity} ${alert.state}${fresh ? ' new' : ''}`,
    'data-fingerprint': alert.fingerprint, 'data-kind': alert.kind, 'data-state': alert.state },
  element('strong', {}, `${KIND_NAMES[alert.kind] ?? alert.kind} `), element('span', { class: 'meta' },
    `${alert.kind} · ${alert.severity} · ${alert.state === 'RESOLVED' ? '已解除 resolved' : '触发中 firing'}`
    + (alert.silenced ? ' · silenced' : '')),
  element('div', { class: 'summary' }, summary.zh ?? ''),
  element('div', { class: 'en' }, summary.en ?? ''),
  element('div', { class: 'meta' }, `${alert.year} · ${alert.indicator} · ${alert.startsAt ? new Date(alert.startsAt).toLocaleString() : ''}`));
}

/** At most one scorecard read per second however many changes arrive: a CSV upload can bring thousands. */
function refreshScorecard() {
  if (state.refresh) return;
  state.refresh = setTimeout(() => {
    state.refresh = null;
    scorecard().catch((error) => say(`出错 error: ${error.message}`));
  }, 1000);
}

/** One stream per region; a change replaces the item of its fingerprint and goes to the top. */
function listen() {
  state.stream?.close();
  const stream = new EventSource(`/api/v1/alerts/stream?region=${encodeURIComponent(state.region)}`);
  state.stream = stream;
  const live = $('#live');
  stream.onopen = () => live.classList.add('on');
  stream.onerror = () => live.classList.remove('on');
  const changed = (event) => {
    const alert = JSON.parse(event.data);
    document.querySelectorAll(`#alerts li[data-fingerprint="${alert.fingerprint}"]`).forEach((li) => li.remove());
    $('#alerts').prepend(alertItem(alert, true));
    if (alert.year === state.year) refreshScorecard();
  };
  stream.addEventListener('goalpost.alert.fired.v2', changed);
  stream.addEventListener('goalpost.alert.resolved.v2', changed);
}

start().catch((error) => say(`出错 error: ${error.message}`));
