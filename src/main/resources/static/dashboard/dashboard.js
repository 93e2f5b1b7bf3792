// KPI dashboard: slicers (period, company, unit) drive every panel through /api/dashboard/*.
(function () {
  'use strict';
  const state = { lang: localStorage.getItem('ptc.lang') || 'zh', filters: null, kpi: 'SALES_AMOUNT',
    summary: null, trend: null, funnel: null, breakdown: null, actions: null, units: [] };
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

  const number = (v, digits) => v === null || v === undefined ? '–'
    : Number(v).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
  const percent = (v) => v === null || v === undefined ? '–' : (Number(v) * 100).toFixed(1) + '%';
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

  function option(value, label, selected) {
    const o = document.createElement('option');
    o.value = value; o.textContent = label; o.selected = !!selected;
    return o;
  }

  async function init() {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    if (csrf) { $('csrf').value = decodeURIComponent(csrf.substring(11)); }
    state.filters = await getJson('/api/dashboard/filters');
    $('user').textContent = state.filters.userId;
    const periods = state.filters.periods.slice().reverse();
    const months = document.createElement('optgroup');
    months.dataset.i18nLabel = 'months';
    periods.forEach((p) => months.appendChild(option(p, p, p === state.filters.latestPeriod)));
    $('period').appendChild(months);
    // quarters, half years and years (SPEC.md section 7), newest first within each length
    [['quarters', /-Q\d$/], ['halfYears', /-H\d$/], ['years', /^\d{4}$/]].forEach(([label, pattern]) => {
      const group = document.createElement('optgroup');
      group.dataset.i18nLabel = label;
      (state.filters.longerPeriods || []).filter((p) => pattern.test(p)).reverse()
        .forEach((p) => group.appendChild(option(p, p, false)));
      if (group.children.length) { $('period').appendChild(group); }
    });
    state.filters.companies.forEach((c) => $('company').appendChild(
      option(c.code, c.name + ' (' + c.code + ')', c.code === state.filters.defaultCompany)));
    $('period').addEventListener('change', refresh);
    $('company').addEventListener('change', async () => { await loadUnits(); await Promise.all([refresh(), loadActions()]); });
    $('unit').addEventListener('change', refresh);
    $('breakdown-type').addEventListener('change', loadBreakdown);
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('ptc.lang', state.lang);
      renderAll();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    await loadUnits();
    await Promise.all([refresh(), loadActions()]);
  }

  async function loadUnits() {
    const company = $('company').value;
    state.units = company ? await getJson('/api/dashboard/units?companyCode=' + encodeURIComponent(company)) : [];
    const unit = $('unit');
    unit.innerHTML = '';
    state.units.forEach((u) => unit.appendChild(option(u.code, t(u.unitType) ? t(u.unitType) + ' · ' + u.name : u.name, u.code === company)));
  }

  async function refresh() {
    const period = $('period').value;
    const unit = $('unit').value;
    const company = $('company').value;
    $('export').href = '/api/reports/monthly-tracking-sheet?period=' + encodeURIComponent(period) + '&companyCode=' + encodeURIComponent(company);
    // the tracking sheet is a month's; a quarter, half year or year has no export
    $('export').hidden = !/^\d{4}-\d{2}$/.test(period);
    if (!period || !unit) { renderAll(); return; }
    const q = 'period=' + encodeURIComponent(period) + '&unitCode=' + encodeURIComponent(unit);
    document.body.dataset.loading = 'true';
    [state.summary, state.trend, state.funnel] = await Promise.all([
      getJson('/api/dashboard/summary?' + q),
      getJson('/api/dashboard/trend?to=' + encodeURIComponent(period) + '&months=' + trendMonths(period)
        + '&unitCode=' + encodeURIComponent(unit)),
      getJson('/api/dashboard/funnel?' + q)]);
    await loadBreakdown(false);
    renderAll();
    document.body.dataset.loading = 'false';
    document.body.dataset.loaded = period + '|' + unit;
  }

  /** Months of history for the trend: a year of months, eight quarters, six half years or five years. */
  function trendMonths(period) {
    return /-Q\d$/.test(period) ? 24 : /-H\d$/.test(period) ? 36 : /^\d{4}$/.test(period) ? 60 : 12;
  }

  async function loadBreakdown(render) {
    const q = 'period=' + encodeURIComponent($('period').value) + '&companyCode=' + encodeURIComponent($('company').value)
      + '&unitType=' + $('breakdown-type').value + '&kpiCode=' + encodeURIComponent(state.kpi) + '&limit=20';
    state.breakdown = await getJson('/api/dashboard/breakdown?' + q);
    if (render !== false) { renderBreakdown(); }
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

  function renderAll() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.label = t(el.dataset.i18nLabel); });
    $('lang').textContent = t('switchTo');
    if (!state.summary) { return; }
    renderCards();
    renderTrend();
    renderFunnel();
    renderBreakdown();
    renderActions();
    renderGaps();
  }

  function renderCards() {
    const cards = $('cards');
    cards.innerHTML = '';
    state.summary.cards.forEach((c) => {
      const card = document.createElement('article');
      card.className = 'card' + (c.kpiCode === state.kpi ? ' selected' : '');
      card.dataset.kpi = c.kpiCode;
      card.dataset.status = c.status || 'none';
      card.dataset.actual = c.actual === null ? '' : c.actual;
      card.dataset.target = c.target === null ? '' : c.target;
      card.dataset.attainment = c.attainment === null ? '' : c.attainment;
      card.innerHTML = '<h3>' + escape(state.lang === 'zh' ? c.nameZh : c.nameEn) + '</h3>'
        + '<div class="value">' + kpiValue(c.kpiCode, c.actual) + '</div>'
        + '<div class="meta">' + t('target') + ' ' + kpiValue(c.kpiCode, c.target) + ' · ' + t('attainment') + ' '
        + '<span class="attainment">' + percent(c.attainment) + '</span></div>'
        + '<div class="meta">' + (c.status ? '<span class="status-' + c.status + '">● ' + t('status')[c.status] + '</span>' : t('noData'))
        + (c.rank ? ' · ' + t('rank') + ' ' + c.rank : '') + (c.momGrowth !== null ? ' · ' + t('mom') + ' ' + percent(c.momGrowth) : '') + '</div>';
      card.addEventListener('click', async () => { state.kpi = c.kpiCode; await loadBreakdown(false); renderAll(); });
      cards.appendChild(card);
    });
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); charts[id].setOption({ animation: false }); }
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
      html += '<tr data-unit="' + escape(r.unitCode) + '" data-rank="' + (r.rank || '') + '"><td>' + (r.rank || '–') + '</td><td>'
        + escape(r.name) + '</td><td>' + kpiValue(b.kpiCode, r.target) + '</td><td>' + kpiValue(b.kpiCode, r.actual)
        + '</td><td class="status-' + (r.status || '') + '">' + percent(r.attainment) + '</td></tr>';
    });
    if (!b.rows.length) { html += '<tr><td colspan="5">' + t('none') + '</td></tr>'; }
    $('breakdown').innerHTML = html;
    const colour = { green: '#2e9d5b', amber: '#e0a100', red: '#d64545' };
    chart('breakdown-chart').setOption({
      animation: false,
      grid: { left: 90, right: 30, top: 10, bottom: 20 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
      yAxis: { type: 'category', inverse: true, data: b.rows.map((r) => r.name) },
      series: [{ type: 'bar', data: b.rows.map((r) => ({ value: r.attainment === null ? 0 : Number(r.attainment),
        itemStyle: { color: colour[r.status] || '#9aa5b1' } })), label: { show: true, position: 'right', formatter: (p) => percent(p.value) } }]
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
      html += '<tr data-action="' + escape(a.actionIds.join(',')) + '"><td>' + escape(a.item || '')
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
