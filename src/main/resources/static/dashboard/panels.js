// The dashboard panels whose data other features serve (issue 15): the quarter's early warnings
// (GET /api/warnings), the dimension breakdown (GET /api/kpi-results/breakdown) and the method's
// health over twelve periods (GET /api/method-health/trend). Each asks quietly: a refusal or a
// missing endpoint hides its panel (or says there is nothing) and never stops the page.
window.PTC_PANELS = function (ctx) {
  'use strict';
  const $ = ctx.$;
  const t = ctx.t;
  const enc = encodeURIComponent;
  const monthly = (period) => /^\d{4}-\d{2}$/.test(period);

  /** The last month of a month, quarter, half year or year: method health is reported per month. */
  function lastMonth(period) {
    if (monthly(period)) { return period; }
    const m = /^(\d{4})(?:-([QH])(\d))?$/.exec(period || '');
    if (!m) { return null; }
    const month = !m[2] ? 12 : m[2] === 'Q' ? 3 * Number(m[3]) : 6 * Number(m[3]);
    return m[1] + '-' + String(month).padStart(2, '0');
  }

  // ---- early warning (预警): warnings of the quarter so far, of a month ----

  async function fetchWarnings(period, company) {
    if (!monthly(period) || !company) { return null; }
    const answer = await ctx.quiet('/api/warnings?period=' + enc(period) + '&companyCode=' + enc(company));
    return Array.isArray(answer) ? answer : null;
  }

  /** The warnings of the shown unit and the units below it (the company shows all), worst forecast first. */
  function shownWarnings(warnings, unit) {
    if (!warnings || !unit) { return []; }
    return warnings.filter((w) => unit.unitType === 'company' || w.unitCode === unit.code || ctx.isBelow(w.unitCode, unit.code))
      .sort((a, b) => Number(a.forecastAttainment) - Number(b.forecastAttainment));
  }

  function renderWarnings(warnings, unit) {
    const panel = $('warnings-panel');
    if (!warnings) {
      panel.hidden = true;
      panel.dataset.state = 'unavailable';
      return;
    }
    panel.hidden = false;
    const shown = shownWarnings(warnings, unit);
    panel.dataset.state = shown.length ? 'listed' : 'none';
    let html = '<tr><th>' + t('unit') + '</th><th>' + t('kpi') + '</th><th>' + t('monthsSoFar') + '</th><th>'
      + t('attainmentSoFar') + '</th><th>' + t('forecastAttainment') + '</th></tr>';
    shown.forEach((w) => {
      const label = t('warningFlag') + ctx.percent(w.forecastAttainment);
      html += '<tr data-unit="' + ctx.escape(w.unitCode) + '" data-kpi="' + ctx.escape(w.kpiCode) + '"><td>'
        + '<span class="icon warn-flag" role="img" aria-label="' + ctx.escape(label) + '" title="' + ctx.escape(label) + '">⚠</span> '
        + ctx.escape(ctx.unitName(w.unitCode)) + '</td><td>' + ctx.escape(ctx.kpiName(w.kpiCode)) + '</td><td>'
        + ctx.escape(w.monthsSoFar) + '</td><td>' + ctx.percent(w.attainmentSoFar) + '</td><td class="forecast">'
        + ctx.percent(w.forecastAttainment) + '</td></tr>';
    });
    if (!shown.length) { html += '<tr><td colspan="5">' + t('noWarnings') + '</td></tr>'; }
    $('warnings').innerHTML = html;
  }

  /** The warning of one KPI of the shown unit itself, for its card's flag. */
  function warningOf(warnings, unitCode, kpiCode) {
    return (warnings || []).find((w) => w.unitCode === unitCode && w.kpiCode === kpiCode) || null;
  }

  // ---- dimensions (产品、渠道、客户) of the selected KPI and unit ----

  async function fetchDimensions(period, unitCode, kpiCode, by) {
    if (!period || !unitCode || !kpiCode) { return null; }
    const answer = await ctx.quiet('/api/kpi-results/breakdown?period=' + enc(period) + '&unitCode=' + enc(unitCode)
      + '&kpiCode=' + enc(kpiCode) + '&by=' + enc(by));
    return Array.isArray(answer) ? answer : null;
  }

  function renderDimensions(rows, kpiCode) {
    const panel = $('dimensions-panel');
    $('dimension-kpi').textContent = ctx.kpiName(kpiCode);
    const has = rows && rows.length > 0;
    panel.dataset.state = has ? 'listed' : 'none';
    $('dimension-none').hidden = has;
    $('dimension-charts').hidden = !has;
    if (!has) { return; }
    const shares = rows.filter((r) => r.share !== null && r.share !== undefined);
    $('dimension-no-share').hidden = shares.length > 0;
    $('dimension-pie').hidden = shares.length === 0;
    if (shares.length) {
      const pie = ctx.chart('dimension-pie');
      pie.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: (p) => ctx.escape(p.name) + ': ' + ctx.percent(p.value) },
        series: [{ type: 'pie', radius: ['25%', '55%'], avoidLabelOverlap: true,
          label: { formatter: (p) => p.name + '\n' + ctx.percent(p.value), overflow: 'break' },
          data: shares.map((r) => ({ name: String(r.key), value: Number(r.share) })) }]
      }, true);
      pie.resize();
    }
    const bar = ctx.chart('dimension-bar');
    bar.setOption({
      animation: false,
      grid: { left: 80, right: 50, top: 10, bottom: 20 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => String(r.key)) },
      series: [{ type: 'bar', itemStyle: { color: '#3d6a99' },
        data: rows.map((r) => (r.attainment === null || r.attainment === undefined ? 0 : Number(r.attainment))),
        label: { show: true, position: 'right', formatter: (p) => ctx.percent(p.value) } }]
    }, true);
    bar.resize();
  }

  // ---- method health (持续改进): twelve periods, oldest first ----

  const RATES = ['onTimeSubmissionRate', 'smartFirstPassRate', 'tenDayReportPunctuality', 'improvementRate'];

  async function fetchHealth(period, company) {
    const month = lastMonth(period);
    if (!month || !company) { return null; }
    const answer = await ctx.quiet('/api/method-health/trend?period=' + enc(month) + '&companyCode=' + enc(company));
    return Array.isArray(answer) && answer.length ? answer : null;
  }

  function renderHealth(trend) {
    const panel = $('health-panel');
    if (!trend) {
      panel.hidden = true;
      panel.dataset.state = 'unavailable';
      return;
    }
    panel.hidden = false;
    panel.dataset.state = 'shown';
    const periods = trend.map((h, i) => h.period || String(i + 1));
    const value = (v) => (v === null || v === undefined ? null : Number(v));
    const last = trend[trend.length - 1].cycleLeadTimeDays;
    $('health-lead-time').textContent = last === null || last === undefined ? '–' : ctx.number(last, 1) + ' ' + t('days');
    const health = ctx.chart('health-chart');
    health.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: RATES.map(t).concat([t('cycleLeadTimeDays')]) },
      grid: { left: 50, right: 50, top: 60, bottom: 30 },
      xAxis: { type: 'category', data: periods },
      yAxis: [{ type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } },
        { type: 'value', name: t('days'), min: 0, splitLine: { show: false } }],
      series: RATES.map((key) => ({ name: t(key), type: 'line', connectNulls: false, symbolSize: 6,
        data: trend.map((h) => value(h[key])) }))
        .concat([{ name: t('cycleLeadTimeDays'), type: 'line', yAxisIndex: 1, lineStyle: { type: 'dashed' },
          data: trend.map((h) => value(h.cycleLeadTimeDays)) }])
    }, true);
    health.resize();
  }

  // ---- the report templates (issue 16): survey means, market estimates, regional plan against result ----

  async function fetchTemplates(period, company) {
    if (!monthly(period) || !company) { return null; }
    const q = 'period=' + enc(period);
    const [surveys, market, review] = await Promise.all([
      ctx.quiet('/api/templates/customer-survey?' + q + '&companyCode=' + enc(company)),
      ctx.quiet('/api/templates/market-report?' + q),
      ctx.quiet('/api/templates/regional-plan/review?' + q)]);
    if (!surveys && !market && !Array.isArray(review)) { return null; }
    return { surveys, market, review: Array.isArray(review) ? review : [] };
  }

  /** The company's lines only (the endpoints answer every company the reader sees), of the shown unit and below. */
  function renderTemplates(data, unit) {
    const panel = $('templates-panel');
    if (!data || !unit) {
      panel.hidden = true;
      panel.dataset.state = 'unavailable';
      return;
    }
    panel.hidden = false;
    const mine = (code) => ctx.unitOf(code) && (unit.unitType === 'company' || code === unit.code || ctx.isBelow(code, unit.code));
    const means = ((data.surveys && data.surveys.means) || []).filter((m) => mine(m.unitCode));
    const estimates = ((data.market && data.market.estimates) || []).filter((e) => mine(e.unitCode));
    const competitors = ((data.market && data.market.competitors) || []).filter((c) => mine(c.unitCode));
    const review = data.review.filter((r) => mine(r.regionCode));
    const has = means.length + estimates.length + review.length > 0;
    panel.dataset.state = has ? 'listed' : 'none';
    $('templates-none').hidden = has;
    const table = (id, head, rows) => {
      $(id).innerHTML = rows.length ? '<tr>' + head.map((h) => '<th>' + t(h) + '</th>').join('') + '</tr>' + rows.join('') : '';
    };
    const cells = (values) => '<tr>' + values.map((v) => '<td>' + v + '</td>').join('') + '</tr>';
    table('template-surveys', ['surveys', 'surveyCount', 'meanScore', 'satisfaction'], means.map((m) =>
      cells([ctx.escape(ctx.unitName(m.unitCode)), ctx.escape(m.surveys), (m.meanScore === null || m.meanScore === undefined ? "–" : Number(m.meanScore).toFixed(2)), ctx.percent(m.satisfaction)])));
    table('template-market', ['market', 'marketSize', 'marketShare', 'competitors'], estimates.map((e) =>
      cells([ctx.escape(ctx.unitName(e.unitCode)), e.marketSize === null || e.marketSize === undefined ? '–' : ctx.number(e.marketSize),
        ctx.percent(e.marketShare), ctx.escape(competitors.filter((c) => c.unitCode === e.unitCode).length)])));
    table('template-plan', ['planReview', 'kpi', 'planTarget', 'actual', 'attainment'], review.map((r) =>
      cells([ctx.escape(ctx.unitName(r.regionCode)), ctx.escape(ctx.kpiName(r.kpiCode)), ctx.number(r.planTarget),
        r.actual === null || r.actual === undefined ? '–' : ctx.number(r.actual), ctx.percent(r.attainment)])));
  }

  return { fetchWarnings, renderWarnings, warningOf, fetchDimensions, renderDimensions, fetchHealth, renderHealth, lastMonth,
    fetchTemplates, renderTemplates };
};
