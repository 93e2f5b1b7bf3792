// The company's public recognitions (GET /api/recognition), grouped by occasion, newest first, and a
// tracked person's own choice not to be shown (GET/PUT /api/recognition/opt-out).
(function () {
  const $ = (id) => document.getElementById(id);
  const esc = (v) => { const s = document.createElement('span'); s.textContent = v == null ? '' : String(v); return s.innerHTML; };
  const KIND = { QUARTER_BONUS: '季度奖金 Quarterly bonus', ANNUAL_AWARD: '年度奖励 Annual awards',
    SPECIAL_CONTRIBUTION: '特殊贡献奖 Special contribution' };
  const csrf = () => { const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/); return m ? decodeURIComponent(m[1]) : ''; };

  async function json(url, options) {
    const response = await fetch(url, Object.assign({ credentials: 'same-origin' }, options || {}));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.detail || body.message || String(response.status)); }
    return body;
  }

  async function companies() {
    const filters = await json('/api/dashboard/filters');
    const select = $('company');
    (filters.companies || []).forEach((c) => {
      const o = document.createElement('option');
      o.value = c.code; o.textContent = c.name + ' ' + c.code; o.selected = c.code === filters.defaultCompany;
      select.appendChild(o);
    });
    select.addEventListener('change', list);
  }

  async function list() {
    const company = $('company').value;
    try {
      const rows = await json('/api/recognition' + (company ? '?companyCode=' + encodeURIComponent(company) : ''));
      const groups = [];
      rows.forEach((r) => {
        const key = r.kind + '|' + r.period;
        let g = groups.find((x) => x.key === key);
        if (!g) { g = { key, kind: r.kind, period: r.period, rows: [] }; groups.push(g); }
        g.rows.push(r);
      });
      $('message').textContent = groups.length ? '' : '暂无表彰 Nothing published yet';
      $('message').className = '';
      $('list').innerHTML = groups.map((g) => '<section class="occasion" data-kind="' + esc(g.kind) + '" data-period="'
        + esc(g.period) + '"><h2>' + esc(g.period) + ' · ' + esc(KIND[g.kind] || g.kind) + '</h2><ul>'
        + g.rows.map((r) => '<li data-person="' + esc(r.personCode) + '"><span class="who">' + esc(r.personName) + '</span> '
          + esc(r.title) + (r.citation ? ' <span class="why">— ' + esc(r.citation) + '</span>' : '') + '</li>').join('')
        + '</ul></section>').join('');
    } catch (e) {
      $('message').textContent = e.message;
      $('message').className = 'error';
      $('list').innerHTML = '';
    }
  }

  async function optOut() {
    const state = await json('/api/recognition/opt-out');
    if (!state.personCodes.length) { return; }
    $('opt-out-box').hidden = false;
    $('opt-out').checked = state.optedOut;
    $('opt-out').addEventListener('change', async () => {
      try {
        const saved = await json('/api/recognition/opt-out', { method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf() },
          body: JSON.stringify({ optedOut: $('opt-out').checked }) });
        $('opt-out-status').textContent = saved.optedOut ? '已设置：不公开 Saved: not shown' : '已设置：公开 Saved: shown';
        $('opt-out-status').className = '';
        await list();
      } catch (e) {
        $('opt-out-status').textContent = e.message;
        $('opt-out-status').className = 'error';
      }
    });
  }

  companies().then(list).then(optOut).then(() => { document.body.dataset.loaded = 'true'; });
})();
