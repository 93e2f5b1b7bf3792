// Posts the chosen file to /api/imports/{kind} with the session's CSRF token and shows the outcome.
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function text(value) {
  const span = document.createElement('span');
  span.textContent = value == null ? '' : String(value);
  return span.innerHTML;
}

// Stored, but worth a look: e.g. children's targets that do not add up to their parent's (line 0: no line of this file).
function warningsTable(warnings) {
  if (!warnings || !warnings.length) {
    return '';
  }
  const rows = warnings.map(w => '<tr><td>' + (w.line ? text(w.line) : '—') + '</td><td>' + text(w.field) + '</td><td>'
    + text(w.message) + '</td></tr>').join('');
  return '<p class="warning">提示 ' + text(warnings.length) + ' 条（数据已导入）/ ' + text(warnings.length)
    + ' warning(s), the data was stored:</p><table class="warnings"><tr><th>行 Line</th><th>列 Field</th>'
    + '<th>提示 Warning</th></tr>' + rows + '</table>';
}

document.querySelectorAll('form[data-kind]').forEach(form => {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const outcome = form.parentElement.querySelector('.outcome');
    outcome.textContent = '上传中… Uploading…';
    const response = await fetch('/api/imports/' + form.dataset.kind, {
      method: 'POST', body: new FormData(form), credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': csrfToken() }
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      outcome.innerHTML = '<p class="ok">已导入 Imported: ' + text(body.rows) + ' 行 rows, ' + text(body.units)
        + ' 个单位 units, 新增 ' + text(body.inserted) + ', 更新 ' + text(body.updated) + ', 未变 ' + text(body.unchanged)
        + (body.periods && body.periods.length ? '；期间 periods: ' + text(body.periods.join(', ')) : '')
        + (body.memberships && body.memberships.length ? '；新增用户组成员 memberships: '
          + text(body.memberships.map(m => m.userId + ' → ' + m.group).join(', ')) : '') + '</p>'
        + warningsTable(body.warnings);
    } else if ((response.status === 422 || response.status === 403) && body.errors) {
      const rows = (body.errors || []).map(e => '<tr><td>' + text(e.line) + '</td><td>' + text(e.field) + '</td><td>'
        + text(e.message) + '</td></tr>').join('');
      outcome.innerHTML = '<p class="error">' + text(body.detail) + '</p><table><tr><th>行 Line</th><th>列 Field</th>'
        + '<th>原因 Reason</th></tr>' + rows + '</table>';
    } else {
      outcome.innerHTML = '<p class="error">' + text(response.status) + ' ' + text(body.detail || body.title || '') + '</p>';
    }
  });
});
