// KPI dashboard: slicers (period, company, unit) drive every panel through /api/dashboard/*. It stays
// current by asking /api/dashboard/version every few seconds and reloading its panels (never the
// page, never the reader's choices) when the results moved; the breakdown drills down from the
// company to a person and the crumbs lead back (issue 15).
(function () {
  'use strict';
  const POLL_MS = 10000;
  const TYPES = ['company', 'department', 'region', 'person'];
  // shapes, not colours alone, say the status (colour-blind readers): the text is in title and aria-label
  const STATUS_ICONS = { green: '✔', amber: '▲', red: '✖', none: '–' };
  const ACTION_ICONS = { done: '✔', draft: '✎', onTrack: '●', dueSoon: '▲', overdue: '✖' };
  const state = { lang: localStorage.getItem('ptc.lang') || 'zh', filters: null, kpi: 'SALES_AMOUNT',
    summary: null, trend: null, funnel: null, breakdown: null, actions: null, units: [], warnings: null,
    dimensions: null, health: null, version: null, seq: 0, polling: false, refreshes: 0, refreshedAt: null };
  const $ = (id) => document.getElementById(id);
  const t = (key) => window.PTC_I18N[state.lang][key];
  const charts = {};

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const error = new Error(url + ' → ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  /** An answer another feature serves: null when it is refused, missing or not JSON (a signed-out page). */
  async function quiet(url) {
    try {
      return await getJson(url);
    } catch (e) {
      return null;
    }
  }

  const number = (v, digits) => v === null || v === undefined ? '–'
    : Number(v).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
  const percent = (v) => v === null || v === undefined ? '–' : (Number(v) * 100).toFixed(1) + '%';
  const signed = (v) => v === null || v === undefined ? '–' : (Number(v) > 0 ? '+' : '') + (Number(v) * 100).toFixed(1) + '%';
  const kpiName = (code) => {
    const kpi = state.filters.kpis.find((k) => k.code === code);
    return kpi ? (state.lang === 'zh' ? kpi.nameZh : kpi.nameEn) : code;
  };
  const kpiValue = (code, v) => {
    const kpi = state.filters.kpis.find((k) => k.code === code);
    if (kpi && (kpi.unit === 'percent' || kpi.unit === '%')) { return percent(v); }
    return number(v, kpi && kpi.decimals !== undefined && kpi.decimals !== null ? kpi.decimals : undefined);
  };
  const escape = (s) => String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  // ---- the organisation tree as far as the reader sees it ----
  const unitOf = (code) => state.units.find((u) => u.code === code);
  const unitName = (code) => { const u = unitOf(code); return u ? u.name : code; };
  function isBelow(code, ancestor) {
    let u = unitOf(code);
    for (let steps = 0; u && u.parentCode && steps <= state.units.length; steps++) {
      if (u.parentCode === ancestor) { return true; }
      u = unitOf(u.parentCode);
    }
    return false;
  }
  /** The unit types below a unit's own: a department drills to regions and people, a person to nothing. */
  const typesBelow = (unit) => TYPES.slice(TYPES.indexOf(unit.unitType) + 1);
  /** The first level below that has units (a department without regions drills straight to its people). */
  function nextType(unit) {
    const below = typesBelow(unit);
    return below.find((type) => state.units.some((u) => u.unitType === type
      && (unit.unitType === 'company' || isBelow(u.code, unit.code)))) || below[0];
  }
  /** The unit's visible ancestors, the company first (an employee sees the company, not the levels between). */
  function ancestors(unit) {
    const chain = [];
    let parent = unitOf(unit.parentCode);
    while (parent && chain.length < state.units.length) { chain.unshift(parent); parent = unitOf(parent.parentCode); }
    const company = unitOf($('company').value);
    if (company && unit.unitType !== 'company' && !chain.includes(company)) { chain.unshift(company); }
    return chain;
  }

  const panels = window.PTC_PANELS({ $, t, quiet, percent, number, escape, chart, kpiName, unitName, isBelow, unitOf });

  function option(value, label, selected) {
    const o = document.createElement('option');
    o.value = value; o.textContent = label; o.selected = !!selected;
    return o;
  }

  const guarded = (fn) => (...args) => fn(...args).catch((e) => { $('status-line').textContent = String(e.message || e); });

  async function init() {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    if (csrf) { $('csrf').value = decodeURIComponent(csrf.substring(11)); }
    // the version before the first answers: a change while they load is seen at the first poll
    const version = await quiet('/api/dashboard/version');
    state.version = version ? version.version : null;
    state.filters = await getJson('/api/dashboard/filters');
    $('user').textContent = state.filters.userId;
    fillPeriods(state.filters.latestPeriod);
    state.filters.companies.forEach((c) => $('company').appendChild(
      option(c.code, c.name + ' (' + c.code + ')', c.code === state.filters.defaultCompany)));
    $('period').addEventListener('change', guarded(refresh));
    $('company').addEventListener('change', guarded(async () => {
      await loadUnits(false);
      syncBreakdownType(false);
      await Promise.all([refresh(), loadActions()]);
    }));
    $('unit').addEventListener('change', guarded(() => unitChanged(false)));
    $('up').addEventListener('click', guarded(async () => {
      const unit = unitOf($('unit').value);
      const chain = unit ? ancestors(unit) : [];
      if (chain.length) { await drillTo(chain[chain.length - 1].code); }
    }));
    $('crumb-path').addEventListener('click', guarded(async (event) => {
      const link = event.target.closest('a[data-unit]');
      if (link) { event.preventDefault(); await drillTo(link.dataset.unit); }
    }));
    $('breakdown-type').addEventListener('change', guarded(async () => {
      state.breakdown = await fetchBreakdown();
      renderBreakdown();
    }));
    $('breakdown').addEventListener('click', guarded(async (event) => {
      const row = event.target.closest('tr[data-unit]');
      if (row) { await drillTo(row.dataset.unit); }
    }));
    $('breakdown').addEventListener('keydown', guarded(async (event) => {
      const row = event.target.closest('tr[data-unit]');
      if (row && event.key === 'Enter') { await drillTo(row.dataset.unit); }
    }));
    $('dimension-by').addEventListener('change', guarded(async () => {
      state.dimensions = await fetchDimensions();
      panels.renderDimensions(state.dimensions, state.kpi);
    }));
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('ptc.lang', state.lang);
      renderAll();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    await loadUnits(false);
    syncBreakdownType(false);
    await Promise.all([refresh(), loadActions()]);
    setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) { poll(); } });
  }

  /** The period slicer: months newest first, then quarters, half years and years; keeps {@code chosen}. */
  function fillPeriods(chosen) {
    const select = $('period');
    select.innerHTML = '';
    const months = document.createElement('optgroup');
    months.dataset.i18nLabel = 'months';
    months.label = t('months');
    state.filters.periods.slice().reverse().forEach((p) => months.appendChild(option(p, p, p === chosen)));
    select.appendChild(months);
    // quarters, half years and years (SPEC.md section 7), newest first within each length
    [['quarters', /-Q\d$/], ['halfYears', /-H\d$/], ['years', /^\d{4}$/]].forEach(([label, pattern]) => {
      const group = document.createElement('optgroup');
      group.dataset.i18nLabel = label;
      group.label = t(label);
      (state.filters.longerPeriods || []).filter((p) => pattern.test(p)).reverse()
        .forEach((p) => group.appendChild(option(p, p, p === chosen)));
      if (group.children.length) { select.appendChild(group); }
    });
  }

  /** The units of the chosen company; {@code keep}: stay on the unit shown if it is still there. */
  async function loadUnits(keep) {
    const company = $('company').value;
    const shown = $('unit').value;
    state.units = company ? await getJson('/api/dashboard/units?companyCode=' + encodeURIComponent(company)) : [];
    const unit = $('unit');
    unit.innerHTML = '';
    const chosen = keep && state.units.some((u) => u.code === shown) ? shown : company;
    state.units.forEach((u) => unit.appendChild(option(u.code, t(u.unitType) ? t(u.unitType) + ' · ' + u.name : u.name, u.code === chosen)));
  }

  async function drillTo(code) {
    if (!unitOf(code)) { return; }
    $('unit').value = code;
    await unitChanged(true);
  }

  async function unitChanged(drilled) {
    syncBreakdownType(drilled);
    await refresh();
  }

  /** The breakdown offers the levels below the shown unit; a drill (or a level that is not below) moves to the next. */
  function syncBreakdownType(drilled) {
    const unit = unitOf($('unit').value);
    const below = unit ? typesBelow(unit) : [];
    const select = $('breakdown-type');
    Array.from(select.options).forEach((o) => { o.disabled = !below.includes(o.value); });
    select.disabled = below.length === 0;
    if (below.length && (drilled || !below.includes(select.value))) { select.value = nextType(unit); }
  }

  async function refresh() {
    const seq = ++state.seq;
    const period = $('period').value;
    const unit = $('unit').value;
    const company = $('company').value;
    $('export').href = '/api/reports/monthly-tracking-sheet?period=' + encodeURIComponent(period) + '&companyCode=' + encodeURIComponent(company);
    // the tracking sheet is a month's; a quarter, half year or year has no export
    $('export').hidden = !/^\d{4}-\d{2}$/.test(period);
    if (!period || !unit) { renderAll(); return; }
    const q = 'period=' + encodeURIComponent(period) + '&unitCode=' + encodeURIComponent(unit);
    document.body.dataset.loading = 'true';
    const answers = await Promise.all([
      getJson('/api/dashboard/summary?' + q),
      getJson('/api/dashboard/trend?to=' + encodeURIComponent(period) + '&months=' + trendMonths(period)
        + '&unitCode=' + encodeURIComponent(unit)),
      getJson('/api/dashboard/funnel?' + q),
      fetchBreakdown(),
      panels.fetchWarnings(period, company),
      fetchDimensions(),
      panels.fetchHealth(period, company),
      panels.fetchTemplates(period, company)]);
    if (seq !== state.seq) { return; } // the reader chose again meanwhile: the newer answers win
    [state.summary, state.trend, state.funnel, state.breakdown, state.warnings, state.dimensions, state.health,
      state.templates] = answers;
    $('status-line').textContent = '';
    renderAll();
    document.body.dataset.loading = 'false';
    document.body.dataset.loaded = period + '|' + unit;
  }

  /** Months of history for the trend: a year of months, eight quarters, six half years or five years. */
  function trendMonths(period) {
    return /-Q\d$/.test(period) ? 24 : /-H\d$/.test(period) ? 36 : /^\d{4}$/.test(period) ? 60 : 12;
  }

  /** The chosen KPI by the chosen level: the whole company's units, or those below the unit shown. */
  async function fetchBreakdown() {
    const unit = unitOf($('unit').value);
    if (unit && unit.unitType === 'person') {
      return { kpiCode: state.kpi, rows: [], bottom: true };
    }
    const q = 'period=' + encodeURIComponent($('period').value) + '&companyCode=' + encodeURIComponent($('company').value)
      + '&unitType=' + $('breakdown-type').value + '&kpiCode=' + encodeURIComponent(state.kpi) + '&limit=20'
      + (unit && unit.unitType !== 'company' ? '&under=' + encodeURIComponent(unit.code) : '');
    return getJson('/api/dashboard/breakdown?' + q);
  }

  function fetchDimensions() {
    return panels.fetchDimensions($('period').value, $('unit').value, state.kpi, $('dimension-by').value);
  }

  async function loadActions() {
    try {
      // one row per action, names instead of ids (a cross-department action's parts together)
      state.actions = await getJson('/api/dashboard/actions?status=open&companyCode=' + encodeURIComponent($('company').value));
    } catch (e) {
      state.actions = []; // the actions API may not exist yet (404) or be forbidden: show "none"
    }
    renderActions();
  }

  /** The version moved: the same choices, fresh answers (new months join the period slicer). */
  async function reloadKeepingChoices() {
    const period = $('period').value;
    state.filters = await getJson('/api/dashboard/filters');
    fillPeriods(period);
    await loadUnits(true);
    syncBreakdownType(false);
    await Promise.all([refresh(), loadActions()]);
    state.refreshes++;
    state.refreshedAt = new Date();
    document.body.dataset.refreshes = String(state.refreshes);
    renderRefreshLine();
  }

  async function poll() {
    if (document.hidden || state.polling) { return; }
    state.polling = true;
    try {
      const answer = await getJson('/api/dashboard/version');
      if (state.version === null) {
        state.version = answer.version;
      } else if (answer.version !== state.version) {
        await reloadKeepingChoices();
        state.version = answer.version; // only once the page shows it: a failed reload is tried again
      }
    } catch (e) {
      // signed out, or the server restarts: the next tick asks again
    } finally {
      state.polling = false;
    }
  }

  function renderAll() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.label = t(el.dataset.i18nLabel); });
    $('lang').textContent = t('switchTo');
    renderRefreshLine();
    if (!state.summary) { return; }
    renderCrumbs();
    renderCards();
    renderTrend();
    renderFunnel();
    renderBreakdown();
    renderActions();
    renderGaps();
    const unit = unitOf($('unit').value);
    panels.renderWarnings(state.warnings, unit);
    panels.renderDimensions(state.dimensions, state.kpi);
    panels.renderHealth(state.health);
    panels.renderTemplates(state.templates, unit);
  }

  function renderRefreshLine() {
    $('refresh-line').textContent = state.refreshedAt
      ? t('refreshed') + ' ' + state.refreshedAt.toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en-US') : '';
  }

  function renderCrumbs() {
    const unit = unitOf($('unit').value);
    const chain = unit ? ancestors(unit) : [];
    $('up').disabled = chain.length === 0;
    $('crumb-path').innerHTML = chain.map((u) => '<a href="#" data-unit="' + escape(u.code) + '">' + escape(u.name) + '</a>')
      .concat(unit ? ['<span aria-current="page" data-unit="' + escape(unit.code) + '">' + escape(unit.name) + '</span>'] : [])
      .join(' <span aria-hidden="true">›</span> ');
  }

  /** The status as a shape with its words: colour alone says nothing to a colour-blind reader. */
  function statusIcon(status) {
    const s = status || 'none';
    const label = t('statusPrefix') + t('status')[s];
    return '<span class="icon status-icon status-' + s + '" role="img" aria-label="' + escape(label) + '" title="'
      + escape(label) + '">' + STATUS_ICONS[s] + '</span>';
  }

  function renderCards() {
    const cards = $('cards');
    cards.innerHTML = '';
    const shown = $('unit').value;
    state.summary.cards.forEach((c) => {
      const card = document.createElement('article');
      card.className = 'card' + (c.kpiCode === state.kpi ? ' selected' : '');
      card.tabIndex = 0;
      card.dataset.kpi = c.kpiCode;
      card.dataset.status = c.status || 'none';
      card.dataset.actual = c.actual === null ? '' : c.actual;
      card.dataset.target = c.target === null ? '' : c.target;
      card.dataset.attainment = c.attainment === null ? '' : c.attainment;
      const warning = panels.warningOf(state.warnings, shown, c.kpiCode);
      const warningLabel = warning ? t('warningFlag') + percent(warning.forecastAttainment) + t('soFar') + percent(warning.attainmentSoFar) : '';
      card.dataset.warning = warning ? 'true' : 'false';
      card.innerHTML = '<h3>' + escape(state.lang === 'zh' ? c.nameZh : c.nameEn)
        + (warning ? ' <span class="icon warn-flag" role="img" aria-label="' + escape(warningLabel) + '" title="'
          + escape(warningLabel) + '">⚠</span>' : '') + '</h3>'
        + '<div class="value">' + kpiValue(c.kpiCode, c.actual) + '</div>'
        + '<div class="meta">' + t('target') + ' ' + kpiValue(c.kpiCode, c.target) + ' · ' + t('attainment') + ' '
        + '<span class="attainment">' + percent(c.attainment) + '</span></div>'
        + '<div class="meta">' + statusIcon(c.status) + ' <span class="status-text status-' + (c.status || 'none') + '">'
        + t('status')[c.status || 'none'] + '</span>' + (c.rank ? ' · ' + t('rank') + ' ' + c.rank : '') + '</div>'
        + '<div class="meta growth"><span class="mom">' + t('mom') + ' ' + signed(c.momGrowth) + '</span> · <span class="yoy">'
        + t('yoy') + ' ' + signed(c.yoyGrowth) + '</span></div>';
      const choose = guarded(async () => {
        state.kpi = c.kpiCode;
        [state.breakdown, state.dimensions] = await Promise.all([fetchBreakdown(), fetchDimensions()]);
        renderAll();
      });
      card.addEventListener('click', choose);
      card.addEventListener('keydown', (event) => { if (event.key === 'Enter') { choose(); } });
      cards.appendChild(card);
    });
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id));
      charts[id].setOption({ animation: false });
      if (id === 'breakdown-chart') {
        // a bar drills down like its row
        charts[id].on('click', guarded(async (p) => {
          const row = state.breakdown && state.breakdown.rows[p.dataIndex];
          if (row) { await drillTo(row.unitCode); }
        }));
      }
    }
    return charts[id];
  }

  function renderTrend() {
    const series = state.trend.series.find((s) => s.kpiCode === state.kpi);
    const method = state.trend.method;
    $('trend-kpi').textContent = kpiName(state.kpi);
    $('forecast-method').textContent = state.lang === 'zh' ? method.nameZh : method.nameEn;
    const el = $('trend');
    el.dataset.kpi = state.kpi;
    el.dataset.actuals = series.points.map((p) => p.actual === null ? '' : p.actual).join(',');
    el.dataset.forecast = series.forecast.map((f) => f.value).join(',');
    el.dataset.method = method.code;
    const periods = series.points.map((p) => p.period).concat(series.forecast.map((f) => f.period));
    const pad = (arr) => arr.concat(series.forecast.map(() => null));
    const lastActual = series.points.length ? series.points[series.points.length - 1].actual : null;
    const forecastLine = series.points.map((p, i) => i === series.points.length - 1 ? lastActual : null)
      .concat(series.forecast.map((f) => f.value));
    chart('trend').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [t('actual'), t('target'), t('forecast')] },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', scale: true, boundaryGap: ['5%', '10%'] },
      series: [
        { name: t('actual'), type: 'line', data: pad(series.points.map((p) => p.actual)), symbolSize: 6 },
        { name: t('target'), type: 'line', step: 'middle', data: pad(series.points.map((p) => p.target)), lineStyle: { color: '#9aa5b1' }, itemStyle: { color: '#9aa5b1' } },
        { name: t('forecast'), type: 'line', data: forecastLine, lineStyle: { type: 'dashed', color: '#e0a100' }, itemStyle: { color: '#e0a100' },
          label: { show: true, position: 'top', color: '#b07d00', formatter: (p) => p.dataIndex >= series.points.length ? number(p.value) : '' } }
      ]
    }, true);
  }

  function renderFunnel() {
    const f = state.funnel;
    const stageName = (s) => state.lang === 'zh' ? s.nameZh : s.nameEn.replace('Funnel: ', '');
    const el = $('funnel');
    el.dataset.counts = f.stages.map((s) => s.count === null ? '' : s.count).join(',');
    el.dataset.conversions = f.stages.map((s) => s.conversionFromPrevious === null ? '' : s.conversionFromPrevious).join(',');
    chart('funnel').setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '10%', gap: 2,
        label: { show: true, position: 'inside', formatter: (p) => p.name + ' ' + number(p.value) },
        data: f.stages.map((s) => ({ name: stageName(s), value: s.count === null ? 0 : Number(s.count) })) }]
    }, true);
    let html = '<tr><th>' + t('stage') + '</th><th>' + t('count') + '</th><th>' + t('conversion') + '</th></tr>';
    f.stages.forEach((s) => {
      html += '<tr data-kpi="' + s.kpiCode + '"><td>' + escape(stageName(s)) + '</td><td>' + number(s.count)
        + '</td><td class="conversion">' + percent(s.conversionFromPrevious) + '</td></tr>';
    });
    html += '<tr><td>' + t('lost') + '</td><td>' + number(f.lost) + '</td><td></td></tr>'
      + '<tr><td>' + t('overall') + '</td><td></td><td id="funnel-overall">' + percent(f.overallConversion) + '</td></tr>'
      + '<tr><td>' + t('winRate') + '</td><td></td><td id="funnel-winrate">' + percent(f.winRate) + '</td></tr>';
    $('funnel-rates').innerHTML = html;
  }

  function renderBreakdown() {
    const b = state.breakdown;
    if (!b) { return; }
    let html = '<tr><th>' + t('rank') + '</th><th>' + t('unitName') + '</th><th>' + t('target') + '</th><th>'
      + t('actual') + '</th><th>' + t('attainment') + '</th></tr>';
    b.rows.forEach((r) => {
      html += '<tr class="drill" tabindex="0" title="' + escape(t('drillTo') + r.name) + '" data-unit="' + escape(r.unitCode)
        + '" data-rank="' + (r.rank || '') + '"><td>' + (r.rank || '–') + '</td><td>'
        + escape(r.name) + '</td><td>' + kpiValue(b.kpiCode, r.target) + '</td><td>' + kpiValue(b.kpiCode, r.actual)
        + '</td><td class="status-' + (r.status || 'none') + '">' + statusIcon(r.status) + ' ' + percent(r.attainment) + '</td></tr>';
    });
    if (!b.rows.length) { html += '<tr><td colspan="5">' + t(b.bottom ? 'bottom' : 'none') + '</td></tr>'; }
    $('breakdown').innerHTML = html;
    const colour = { green: '#2e9d5b', amber: '#e0a100', red: '#d64545' };
    chart('breakdown-chart').setOption({
      animation: false,
      grid: { left: 90, right: 50, top: 10, bottom: 20 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
      yAxis: { type: 'category', inverse: true, data: b.rows.map((r) => r.name) },
      series: [{ type: 'bar', cursor: 'pointer', data: b.rows.map((r) => ({ value: r.attainment === null ? 0 : Number(r.attainment),
        itemStyle: { color: colour[r.status] || '#9aa5b1' } })),
        label: { show: true, position: 'right', formatter: (p) => STATUS_ICONS[b.rows[p.dataIndex].status || 'none'] + ' ' + percent(p.value) } }]
    }, true);
  }

  function renderActions() {
    const actions = state.actions || [];
    let html = '<tr><th>' + t('action') + '</th><th>' + t('responsibleDepartment') + '</th><th>' + t('owner') + '</th><th>'
      + t('deadline') + '</th><th>' + t('lastReport') + '</th></tr>';
    actions.forEach((a) => {
      // fields of DashboardViews.ActionRow (GET /api/dashboard/actions)
      const report = a.lastReportDate
        ? a.lastReportDate + (a.lastProgressPct === null || a.lastProgressPct === undefined ? '' : ' · ' + a.lastProgressPct + '%')
        : '';
      const owner = (a.ownerName || '') + (a.responsiblePersonName ? ' / ' + a.responsiblePersonName : '');
      const timeliness = a.timeliness || 'onTrack';
      const label = t('statusPrefix') + t('timeliness')[timeliness];
      html += '<tr data-action="' + escape(a.actionIds.join(',')) + '" data-timeliness="' + escape(timeliness) + '"><td>'
        + '<span class="icon action-icon ' + escape(timeliness) + '" role="img" aria-label="' + escape(label) + '" title="'
        + escape(label) + '">' + (ACTION_ICONS[timeliness] || '●') + '</span> ' + escape(a.item || '')
        + (a.crossDepartment ? ' <span class="cross">' + escape(t('crossDepartment')) + '</span>' : '') + '</td><td>'
        + escape(a.departmentNames || '') + '</td><td>' + escape(owner) + '</td><td>' + escape(a.deadline || '')
        + '</td><td>' + escape(report) + '</td></tr>';
    });
    if (!actions.length) { html += '<tr id="actions-none"><td colspan="5">' + t('none') + '</td></tr>'; }
    $('actions').innerHTML = html;
  }

  function renderGaps() {
    const gaps = state.summary.dataGaps;
    $('gaps').innerHTML = gaps.length ? gaps.map((g) => '<li data-kpi="' + escape(g.kpiCode) + '">' + escape(g.unitCode) + ' · '
      + escape(kpiName(g.kpiCode)) + ': ' + escape(t('missing')[g.missing] || g.missing) + '</li>').join('')
      : '<li>' + t('none') + '</li>';
  }

  init().catch((e) => { $('status-line').textContent = String(e.message || e); });
})();
