// Shows the KPI catalogue and a company's weight sets (/api/kpi-catalogue, /api/kpi-weights); the
// upload forms are imports.js's. Reloads both after a successful upload.
(function () {
  const $ = (id) => document.getElementById(id);
  const esc = (v) => { const s = document.createElement('span'); s.textContent = v == null ? '' : String(v); return s.innerHTML; };
  const names = {};

  async function json(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.detail || body.message || response.status); }
    return body;
  }

  async function catalogue() {
    const rows = await json('/api/kpi-catalogue');
    $('catalogue').querySelector('tbody').innerHTML = rows.map((k) => {
      names[k.code] = k.nameZh;
      return '<tr data-code="' + esc(k.code) + '"><td>' + esc(k.code) + '</td><td>' + esc(k.nameZh) + ' ' + esc(k.nameEn)
        + '</td><td>' + esc(k.unit) + '</td><td>' + esc(k.aggregation) + '</td><td>'
        + (k.direction === 'lower' ? '越低越好 lower' : '越高越好 higher') + '</td><td class="num">' + esc(k.decimals)
        + '</td><td>' + esc(k.sourceRole) + '</td></tr>';
    }).join('');
  }

  async function weights() {
    const company = $('company').value.trim();
    const quarter = $('quarter').value.trim();
    const query = new URLSearchParams();
    if (company) { query.set('companyCode', company); }
    if (quarter) { query.set('quarter', quarter); }
    $('weights-export').href = '/api/kpi-weights/export' + (company ? '?companyCode=' + encodeURIComponent(company) : '');
    try {
      const rows = await json('/api/kpi-weights?' + query);
      const totals = {};
      rows.forEach((w) => { const key = w.role + '|' + w.validFrom; totals[key] = (totals[key] || 0) + Number(w.weight); });
      $('weights-message').textContent = rows.length ? '' : '没有权重 No weights';
      $('weights-message').className = '';
      $('weights').querySelector('tbody').innerHTML = rows.map((w) => {
        const total = totals[w.role + '|' + w.validFrom];
        const share = total > 0 ? (Number(w.weight) / total * 100).toFixed(1) + '%' : '–';
        return '<tr data-role="' + esc(w.role) + '" data-kpi="' + esc(w.kpiCode) + '"><td>' + esc(w.role) + '</td><td>'
          + esc(w.validFrom || '默认 default') + '</td><td>' + esc(w.kpiCode) + ' ' + esc(names[w.kpiCode] || '')
          + '</td><td class="num">' + esc(w.weight) + '</td><td class="num">' + share + '</td><td>'
          + (w.source === 'imported' ? '公司导入 imported' : '内置默认 built-in') + '</td></tr>';
      }).join('');
    } catch (e) {
      $('weights-message').textContent = e.message;
      $('weights-message').className = 'error';
      $('weights').querySelector('tbody').innerHTML = '';
    }
  }

  $('show-weights').addEventListener('click', weights);
  // after imports.js has shown an upload's outcome, show the stored state
  document.querySelectorAll('.outcome').forEach((o) => new MutationObserver(() => catalogue().then(weights))
    .observe(o, { childList: true }));
  catalogue().then(weights).then(() => { document.body.dataset.loaded = 'true'; });
})();
