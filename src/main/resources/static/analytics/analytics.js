// The analytics page: figures from GET /api/analytics/summary, drawn with Chart.js (vendored, no CDN).
(function () {
  const STAGES = { PROVIDER_REVIEW: '接入商审核 Provider review', SMS_VERIFICATION: '短信核验 SMS', CA_REVIEW: '管局审核 CA review',
    SYNC_WAIT: '同步 Sync', TRANSFER: '转入 Transfer', CANCELLATION: '注销 Cancellation', CHANGE: '变更 Change' };
  const COLORS = { PROVIDER_REVIEW: '#0969da', SMS_VERIFICATION: '#8250df', CA_REVIEW: '#bf8700', SYNC_WAIT: '#1a7f37',
    TRANSFER: '#cf222e', CANCELLATION: '#57606a', CHANGE: '#6639ba' };
  const charts = {};

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function bar(labels, datasets, horizontal) {
    return { type: 'bar', data: { labels, datasets }, options: { indexAxis: horizontal ? 'y' : 'x', responsive: true, animation: false } };
  }

  async function load(event) {
    if (event) { event.preventDefault(); }
    // first load: the server's default range (the last 30 days, China dates), then whatever is chosen
    const query = event ? '?from=' + document.getElementById('from').value + '&to=' + document.getElementById('to').value : '';
    const error = document.getElementById('error');
    // the page's session (form login) reaches the API; no Basic credentials in the browser
    const response = await fetch('/api/analytics/summary' + query, { credentials: 'same-origin' });
    if (!response.ok) {
      error.hidden = false;
      error.textContent = '无法加载 Cannot load: ' + response.status;
      return;
    }
    error.hidden = true;
    const s = await response.json();
    document.getElementById('from').value = s.from;
    document.getElementById('to').value = s.to;
    document.getElementById('filings').textContent = s.filings;
    document.getElementById('active').textContent = s.byStatus.ACTIVE || 0;
    document.getElementById('escalations').textContent = s.openEscalations;
    document.getElementById('websites-numbered').textContent = s.numbered.websites;
    document.getElementById('apps-numbered').textContent = s.numbered.apps;
    const v = s.verification;
    document.getElementById('verification-median').textContent = v.medianMinutes == null ? '–' : v.medianMinutes.toFixed(1);
    document.getElementById('verification-p90').textContent = v.p90Minutes == null ? '–' : v.p90Minutes.toFixed(1);

    draw('funnel', bar(s.funnel.map(f => f.step), [{ label: '数量 Count', data: s.funnel.map(f => f.count), backgroundColor: '#0969da' }]));
    draw('stages', bar(s.stages.map(x => STAGES[x.stage] || x.stage), [
      { label: '中位数 Median', data: s.stages.map(x => x.medianBusinessDays), backgroundColor: '#1a7f37' },
      { label: 'P90', data: s.stages.map(x => x.p90BusinessDays), backgroundColor: '#bf8700' },
      { label: 'SLA', data: s.stages.map(x => x.slaBusinessDays), backgroundColor: '#d0d7de' }]));
    // distribution: how many stages took how long, one bar per stage in each bucket
    const buckets = s.stages.length ? s.stages[0].distribution.map(b => b.label) : [];
    draw('durations', bar(buckets, s.stages.filter(x => x.count > 0).map(x => ({
      label: STAGES[x.stage] || x.stage, data: x.distribution.map(b => b.count), backgroundColor: COLORS[x.stage] }))));
    // breaches over time: weeks (Monday) on the axis, stacked per stage
    const weeks = [...new Set(s.slaBreachesOverTime.map(w => w.week))].sort();
    const breachStages = [...new Set(s.slaBreachesOverTime.map(w => w.stage))];
    const breaches = bar(weeks, breachStages.map(stage => ({
      label: STAGES[stage] || stage, backgroundColor: COLORS[stage],
      data: weeks.map(week => (s.slaBreachesOverTime.find(w => w.week === week && w.stage === stage) || { count: 0 }).count) })));
    breaches.options.scales = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
    draw('breaches', breaches);
    const ca = s.stages.find(x => x.stage === 'CA_REVIEW');
    const provinces = ca ? ca.byProvince : [];
    draw('provinces', bar(provinces.map(p => p.province), [
      { label: '中位数 Median', data: provinces.map(p => p.medianBusinessDays), backgroundColor: '#1a7f37' },
      { label: 'P90', data: provinces.map(p => p.p90BusinessDays), backgroundColor: '#bf8700' }]));
    draw('verification', bar(['等待 Waits', '通过 Passed', '退回 Returned', '会话 Sessions', '会话通过 Sessions passed',
      '会话失败 Sessions failed', '未答复 Unanswered'], [{ label: '数量 Count', backgroundColor: '#6639ba',
      data: [v.waits, v.passed, v.returned, v.sessions, v.sessionsPassed, v.sessionsFailed, v.sessionsUnanswered] }], true));
    draw('reasons', bar(s.rejectionReasons.map(r => r.code), [
      { label: '次数 Count', data: s.rejectionReasons.map(r => r.count), backgroundColor: '#8250df' }], true));
    const statuses = Object.keys(s.byStatus);
    draw('statuses', { type: 'doughnut', data: { labels: statuses, datasets: [{ data: statuses.map(k => s.byStatus[k]) }] },
      options: { animation: false } });
    const types = Object.keys(s.byType);
    draw('types', bar(types, [{ label: '申请 Filings', data: types.map(k => s.byType[k]), backgroundColor: '#0969da' }], true));
    document.body.dataset.loaded = 'true';
  }

  document.getElementById('range').addEventListener('submit', load);
  load();
})();
