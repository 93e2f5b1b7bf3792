// A person's tracking archive (业绩跟踪档案) as a page: GET /api/archive lists whom the user may read,
// GET /api/archive/{code} the entries; one panel per kind, newest first. ?person=CODE opens that person.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const SECTIONS = [
    { id: 'kpi', title: '业绩指标 KPIs', types: ['KPI_RESULT'] },
    { id: 'score', title: '季度得分与排名 Scores and ranks', types: ['SCORE'] },
    { id: 'finding', title: '质询问题 Findings', types: ['FINDING'] },
    { id: 'action', title: '改进行动及结果 Actions and results', types: ['ACTION_OUTCOME'] },
    { id: 'plan', title: '改进计划 Improvement plans', types: ['IMPROVEMENT_PLAN'] },
    { id: 'coaching', title: '面谈反馈 Coaching talks', types: ['COACHING'] },
    { id: 'feedback', title: '360度反馈 360° feedback', types: ['FEEDBACK_360'] },
    { id: 'reward', title: '奖励与处罚 Rewards and penalties', types: ['REWARD', 'PENALTY'] },
    { id: 'appeal', title: '申诉 Appeals', types: ['APPEAL'] },
    { id: 'correction', title: '更正 Corrections', types: ['CORRECTION'] }
  ];
  const escape = (s) => String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const when = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '';

  async function get(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.message)) || (url + ' → ' + response.status));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showMessage(text) {
    $('message').textContent = text;
    $('message').hidden = !text;
  }

  function render(code, entries) {
    const time = (e) => e.recordedAt ? new Date(e.recordedAt).getTime() : 0;
    const sorted = entries.slice().sort((a, b) => time(b) - time(a) || b.id - a.id);
    const known = SECTIONS.flatMap((s) => s.types);
    const sections = SECTIONS.concat([{ id: 'other', title: '其他 Other', types: null }]);
    $('sections').innerHTML = sections.map((section) => {
      const rows = sorted.filter((e) => section.types ? section.types.includes(e.entryType) : !known.includes(e.entryType));
      if (!section.types && rows.length === 0) {
        return '';
      }
      const body = rows.length === 0 ? '<tr><td class="muted">暂无 None</td></tr>' : rows.map((e) =>
        '<tr data-type="' + escape(e.entryType) + '" data-key="' + escape(e.entryKey) + '">'
        + '<td class="when">' + escape(when(e.recordedAt)) + '</td><td class="cycle">' + escape(e.cycle) + '</td>'
        + '<td class="summary">' + escape(e.summary) + '</td><td class="by">' + escape(e.recordedBy) + '</td></tr>').join('');
      return '<section class="panel archive-section" id="section-' + section.id + '" data-count="' + rows.length + '">'
        + '<h2>' + escape(section.title) + '<span class="count">' + rows.length + '</span></h2>'
        + '<table class="table">' + body + '</table></section>';
    }).join('');
    document.body.setAttribute('data-loaded', code);
  }

  async function open(code) {
    document.body.removeAttribute('data-loaded');
    showMessage('');
    $('sections').innerHTML = '';
    const option = Array.from($('person').options).find((o) => o.value === code);
    $('person-name').textContent = option ? option.textContent : code;
    try {
      render(code, await get('/api/archive/' + encodeURIComponent(code)));
    } catch (error) {
      showMessage(error.status === 403 ? '无权查看 ' + code + ' 的档案：' + error.message : error.message);
      document.body.setAttribute('data-loaded', 'refused:' + code);
    }
  }

  async function init() {
    $('print').addEventListener('click', () => window.print());
    const me = await get('/api/me');
    $('user').textContent = me.userId;
    const people = await get('/api/archive');
    people.forEach((p) => {
      const o = document.createElement('option');
      o.value = p.code;
      o.textContent = (p.name && p.name !== p.code ? p.name + ' ' : '') + p.code + (p.own ? '（本人 me）' : '');
      $('person').appendChild(o);
    });
    const wanted = new URLSearchParams(location.search).get('person');
    $('person').addEventListener('change', () => {
      history.replaceState(null, '', '?person=' + encodeURIComponent($('person').value));
      open($('person').value);
    });
    if (wanted) {
      $('person').value = wanted;
      await open(wanted);
    } else if (people.length > 0) {
      await open(people[0].code);
    } else {
      showMessage('您没有可查看的业绩跟踪档案 / there is no archive you may read');
      document.body.setAttribute('data-loaded', 'none');
    }
  }

  init().catch((error) => { showMessage(error.message); document.body.setAttribute('data-loaded', 'error'); });
}());
