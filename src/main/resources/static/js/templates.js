// Shows the stored report templates of a month (/api/templates/<name>), their exports and the plan review;
// the upload forms are imports.js's. Reloads after a successful upload.
(function () {
  const $ = (id) => document.getElementById(id);
  const esc = (v) => { const s = document.createElement('span'); s.textContent = v == null ? '' : String(v); return s.innerHTML; };
  const pct = (v) => v == null ? '' : (Number(v) * 100).toFixed(2).replace(/\.?0+$/, '') + '%';
  const rows = (id, list, cells) => {
    $(id).querySelector('tbody').innerHTML = list.map((r) => '<tr>' + cells(r).map((c) => '<td>' + esc(c) + '</td>').join('')
      + '</tr>').join('');
  };

  async function json(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.detail || body.message || response.status); }
    return body;
  }

  function query(withCompany) {
    const q = new URLSearchParams({ period: $('period').value.trim() });
    if ($('unit').value.trim()) { q.set('unitCode', $('unit').value.trim()); }
    if (withCompany && $('company').value.trim()) { q.set('companyCode', $('company').value.trim()); }
    return q;
  }

  async function show() {
    const company = $('company').value.trim();
    document.querySelectorAll('a.template').forEach((a) => {
      a.href = '/api/templates/' + a.dataset.name + '/xlsx' + (company ? '?companyCode=' + encodeURIComponent(company) : '');
    });
    if (!$('period').value.trim()) { $('message').textContent = '请填写月份 / enter a period'; return; }
    document.querySelectorAll('a.export').forEach((a) => {
      a.href = '/api/templates/' + a.dataset.name + '/export?' + query(a.dataset.name === 'customer-survey');
    });
    try {
      const surveys = await json('/api/templates/customer-survey?' + query(true));
      $('survey-setting').textContent = surveys.feedsSatisfaction ? '写入客户满意度 feeds CUSTOMER_SATISFACTION'
        : '不写入客户满意度 does not feed CUSTOMER_SATISFACTION';
      const labels = {};
      surveys.questions.forEach((q) => { labels[q.code] = q.label; });
      rows('survey-means', surveys.means, (m) => [m.period, m.unitCode, m.surveys, m.meanScore, pct(m.satisfaction)]);
      rows('surveys', surveys.surveys, (s) => [s.unitCode, s.customer, s.surveyDate,
        Object.entries(s.scores).map(([k, v]) => (labels[k] || k) + ' ' + v).join('，'), s.comment]);
      const market = await json('/api/templates/market-report?' + query(false));
      rows('competitors', market.competitors, (c) => [c.unitCode, c.competitor, c.product, c.price, c.move]);
      rows('estimates', market.estimates, (e) => [e.unitCode, e.marketSize, pct(e.marketShare), e.demandChange, e.policy]);
      const plan = await json('/api/templates/regional-plan?' + query(false));
      rows('items', plan.items, (i) => [i.regionCode, i.activity, i.owner, i.dueDate, i.budget]);
      const review = await json('/api/templates/regional-plan/review?' + query(false));
      rows('review', review, (r) => [r.regionCode, r.kpiCode, r.planTarget, r.actual, r.deviation, pct(r.attainment)]);
      $('message').textContent = '';
    } catch (e) {
      $('message').textContent = e.message;
      $('message').className = 'error';
    }
  }

  $('show').addEventListener('click', show);
  document.querySelectorAll('.outcome').forEach((o) => new MutationObserver(show).observe(o, { childList: true }));
  document.body.dataset.loaded = 'true';
})();
