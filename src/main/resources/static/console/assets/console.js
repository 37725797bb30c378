// The applicants' console: every view drawn here from the JSON API of API.md, with the page's session
// and its CSRF token (no second path to the data). No framework and no build step: one module per
// concern would be the next step if this grows.
import { t, lang, setLang, otherLang, translate } from '/console/assets/i18n.js';

const view = document.getElementById('view');
const csrf = { header: meta('csrf-header'), token: meta('csrf-token') };
const TYPES = ['NEW_FILING', 'NEW_WEBSITE', 'TRANSFER', 'CHANGE_SUBJECT', 'CHANGE_WEBSITE', 'CHANGE_APP',
  'CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS', 'CANCEL_APP'];
const WITHDRAWABLE = ['SUBMITTED', 'RETURNED', 'IDENTITY_VERIFICATION', 'PROVIDER_REVIEW'];
const CORRECTABLE = ['RETURNED', 'CA_REJECTED'];
const PRODUCTS = ['ANTI_DDOS', 'CDN', 'WAF', 'LOAD_BALANCER', 'OBJECT_STORAGE', 'WEB_HOSTING'];
let ticker = null;
/** The form on the page, if any: a change of language redraws it with what was typed, not a blank one. */
let openForm = null;

function meta(name) {
  return document.querySelector(`meta[name="${name}"]`).content;
}

/** Text made safe for HTML. */
function h(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A call to the API with the session: JSON in and out; a problem comes back as the body, never thrown. */
async function api(method, path, body) {
  // a script's request: an ended session answers 401 without a Basic challenge (no browser login dialog)
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET') { headers[csrf.header] = csrf.token; }
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    location.href = '/console/login';
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { detail: text }; }
  return { status: response.status, ok: response.ok, json };
}

/** A file to /api/materials, with its progress shown. */
function upload(kind, category, file, onProgress) {
  return new Promise(resolve => {
    const form = new FormData();
    form.append('kind', kind);
    if (category) { form.append('category', category); }
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/materials');
    xhr.setRequestHeader(csrf.header, csrf.token);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = e => { if (e.lengthComputable) { onProgress(e.loaded / e.total); } };
    xhr.onload = () => { let json = null; try { json = JSON.parse(xhr.responseText); } catch (e) { json = { detail: xhr.responseText }; } resolve({ status: xhr.status, json }); };
    xhr.onerror = () => resolve({ status: 0, json: { detail: 'network error' } });
    xhr.send(form);
  });
}

function when(at) {
  return at ? h(at.replace('T', ' ').slice(0, 16)) : '';
}

function status(value) {
  return `<span class="status ${h(value)}" data-status="${h(value)}">${h(t('status.' + value))}</span>`;
}

function short(id) {
  return h(String(id).slice(0, 8));
}

// ---------------------------------------------------------------- views

async function home() {
  const [filings, subjects] = await Promise.all([api('GET', '/api/filings?size=50'), api('GET', '/api/subjects')]);
  if (!filings.ok) { return failed(filings); }
  view.innerHTML = `
    <h1>${h(t('filings.title'))}</h1>
    <div class="actions"><a href="#/apply"><button type="button" id="new-application">${h(t('filings.new'))}</button></a></div>
    ${filings.json.length === 0 ? `<p class="muted">${h(t('filings.none'))}</p>` : `
    <table id="filings"><thead><tr><th>${h(t('col.id'))}</th><th>${h(t('col.type'))}</th><th>${h(t('col.websites'))}</th>
      <th>${h(t('col.status'))}</th><th>${h(t('col.created'))}</th></tr></thead><tbody>
      ${filings.json.map(f => `<tr data-id="${h(f.id)}"><td><a href="#/filings/${h(f.id)}">${short(f.id)}</a></td><td>${h(t('type.' + f.type))}</td>
        <td>${h([...f.websites.map(w => w.name), ...f.apps.map(a => a.name)].join(', ') || f.icpNumber || '')}</td>
        <td>${status(f.status)}</td><td>${when(f.createdAt)}</td></tr>`).join('')}
    </tbody></table>`}
    <h2>${h(t('subjects.title'))}</h2>
    ${!subjects.ok || subjects.json.length === 0 ? `<p class="muted">${h(t('subjects.none'))}</p>` : `
    <table id="subjects"><thead><tr><th>${h(t('col.number'))}</th><th>${h(t('col.name'))}</th><th>${h(t('col.websites'))}</th></tr></thead><tbody>
      ${subjects.json.map(s => `<tr><td>${h(s.icpNumber)}</td><td>${h(s.name)}</td>
        <td>${h([...(s.websites || []).map(w => `${w.name} ${w.icpNumber}`), ...(s.apps || []).map(a => `${a.name} ${a.icpNumber}`)].join(' · '))}</td></tr>`).join('')}
    </tbody></table>`}`;
}

async function detail(id) {
  const [filing, outlook] = await Promise.all([api('GET', `/api/filings/${encodeURIComponent(id)}`),
    api('GET', `/api/filings/${encodeURIComponent(id)}/outlook?lang=${lang()}`)]);
  if (filing.status === 404) { view.innerHTML = `<p class="error" id="not-found">${h(t('error.notFound'))}</p>`; return; }
  if (!filing.ok) { return failed(filing); }
  const f = filing.json;
  const o = outlook.ok ? outlook.json : {};
  const sessions = (f.verification && f.verification.sessions) || [];
  view.innerHTML = `
    <p><a href="#/">← ${h(t('detail.back'))}</a></p>
    <h1>${h(t('type.' + f.type))} <span class="muted">${h(f.id)}</span></h1>
    <p id="status">${status(f.status)} ${f.icpNumber ? `<strong>${h(f.icpNumber)}</strong>` : ''}</p>
    ${o.nextStep ? `<h2>${h(t('detail.next'))}</h2><p id="next-step">${h(o.nextStep)}</p>` : ''}
    ${o.dueAt ? `<p id="due">${h(t('detail.due'))}: <strong>${when(o.dueAt)}</strong> <span class="muted">(${h(o.limit)})</span></p>` : ''}
    ${o.typicalCaReviewBusinessDays != null ? `<p class="muted" id="typical-ca">${h(t('detail.typicalCa', o.typicalCaReviewBusinessDays))}</p>` : ''}
    ${sessions.length && f.status === 'IDENTITY_VERIFICATION' ? `
      <h2>${h(t('detail.verification'))}</h2><p class="hint">${h(t('detail.verification.hint'))}</p>
      <div id="sessions">${sessions.map(s => `<div class="session" data-session="${h(s.id)}">
        <strong>${h(t('who.' + s.who))}</strong> <span class="vstatus">${h(t('vstatus.' + s.status))}</span>
        ${s.status === 'PENDING' && /^https:\/\//.test(s.url) ? `<a href="${h(s.url)}" target="_blank" rel="noopener">${h(s.url)}</a>
          <span class="countdown" data-expires="${h(s.expiresAt)}"></span>` : ''}</div>`).join('')}</div>
      <div class="actions"><button type="button" id="renew">${h(t('detail.renew'))}</button></div>` : ''}
    ${f.reasons.length ? `<h2>${h(t('detail.reasons'))}</h2><div id="reasons">${f.reasons.map(reason).join('')}</div>` : ''}
    ${f.notices.length ? `<h2>${h(t('detail.notices'))}</h2>${f.notices.map(reason).join('')}` : ''}
    <h2>${h(t('detail.websites'))}</h2>
    <table id="websites"><tbody>
      ${f.websites.map(w => `<tr><td>${h(w.name)}</td><td>${h(w.domains.join(', '))}</td><td>${h(w.serverRegion)}</td><td>${h(w.icpNumber || '')}</td></tr>`).join('')}
      ${f.apps.map(a => `<tr><td>${h(a.name)} (App)</td><td>${h(a.platforms.join(', '))}</td><td>${h(a.serverRegion)}</td><td>${h(a.icpNumber || '')}</td></tr>`).join('')}
    </tbody></table>
    <h2>${h(t('detail.timeline'))}</h2>
    <ol class="timeline" id="timeline">${f.timeline.map(e => `<li><time>${when(e.at)}</time>${status(e.status)}</li>`).join('')}</ol>
    ${f.status === 'ACTIVE' && f.icpNumber ? laterSteps(f) : ''}
    <div class="actions">
      ${CORRECTABLE.includes(f.status) ? `<a href="#/filings/${h(f.id)}/correct"><button type="button" id="correct">${h(t('detail.correct'))}</button></a>` : ''}
      ${WITHDRAWABLE.includes(f.status) ? `<button type="button" class="danger" id="withdraw">${h(t('detail.withdraw'))}</button>` : ''}
    </div>
    <p class="error" id="action-error" hidden></p>`;
  countdown();
  const renew = document.getElementById('renew');
  if (renew) {
    renew.addEventListener('click', async () => {
      const done = await api('POST', `/api/filings/${encodeURIComponent(id)}/verification`);
      return done.ok ? detail(id) : actionFailed(done);
    });
  }
  const withdraw = document.getElementById('withdraw');
  if (withdraw) {
    withdraw.addEventListener('click', async () => {
      if (!confirm(t('detail.confirmWithdraw'))) { return; }
      const done = await api('POST', `/api/filings/${encodeURIComponent(id)}/withdrawal`);
      return done.ok ? detail(id) : actionFailed(done);
    });
  }
}

/** What an applicant may start from an active filing: changes and cancellations of the subject, each website and app. */
function laterSteps(f) {
  const start = (type, index, label) => `<a href="#/filings/${h(f.id)}/start/${type}/${index}"><button type="button" class="secondary"
    data-start="${type}:${index}">${h(label)}</button></a>`;
  return `<h2>${h(t('detail.laterSteps'))}</h2>
    <div class="actions">${start('CHANGE_SUBJECT', 0, t('type.CHANGE_SUBJECT'))}${start('CANCEL_SUBJECT', 0, t('type.CANCEL_SUBJECT'))}</div>
    ${f.websites.map((w, i) => w.icpNumber ? `<div class="actions"><span class="muted">${h(w.name)} ${h(w.icpNumber)}</span>
      ${start('CHANGE_WEBSITE', i, t('type.CHANGE_WEBSITE'))}${start('CANCEL_WEBSITE', i, t('type.CANCEL_WEBSITE'))}${start('CANCEL_ACCESS', i, t('type.CANCEL_ACCESS'))}</div>` : '').join('')}
    ${f.apps.map((a, i) => a.icpNumber ? `<div class="actions"><span class="muted">${h(a.name)} ${h(a.icpNumber)}</span>
      ${start('CHANGE_APP', i, t('type.CHANGE_APP'))}${start('CANCEL_APP', i, t('type.CANCEL_APP'))}</div>` : '').join('')}`;
}

function reason(r) {
  return `<div class="reason" data-code="${h(r.code)}"><strong>${h(r.code)}</strong> ${h(r.message)}
    <div class="meta">${r.field ? `${h(t('detail.field'))}: <code>${h(r.field)}</code> ` : ''}${r.rule ? `· ${h(t('detail.rule'))}: <code>${h(r.rule)}</code> ` : ''}
    ${r.source ? `· ${h(t('detail.source'))}: ${h(r.source)}` : ''}</div></div>`;
}

/** The sessions' time left, every second, until the view changes. */
function countdown() {
  clearInterval(ticker);
  const tick = () => document.querySelectorAll('.countdown').forEach(e => {
    const left = Math.max(0, Math.floor((Date.parse(e.dataset.expires) - Date.now()) / 1000));
    e.textContent = left === 0 ? t('detail.expired') : t('detail.expiresIn', `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
  });
  tick();
  ticker = setInterval(tick, 1000);
}

function actionFailed(answer) {
  const error = document.getElementById('action-error');
  error.hidden = false;
  error.textContent = (answer.json && (answer.json.detail || answer.json.title)) || String(answer.status);
}

function failed(answer) {
  view.innerHTML = `<p class="error">${h(t('error.load', answer.status))}</p>`;
}

// ---------------------------------------------------------------- the application form

const NEEDS_NUMBER = ['TRANSFER', 'CHANGE_SUBJECT', 'CHANGE_WEBSITE', 'CHANGE_APP', 'CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS', 'CANCEL_APP'];
const HAS_WEBSITES = ['NEW_FILING', 'NEW_WEBSITE', 'TRANSFER', 'CHANGE_WEBSITE'];
const HAS_APPS = ['NEW_FILING', 'NEW_WEBSITE', 'CHANGE_APP'];
/** The types whose websites and apps each name a service number (API.md). */
const NUMBERED = ['NEW_FILING', 'NEW_WEBSITE', 'TRANSFER'];

function blankWebsite() {
  return { name: '', domains: [], serverRegion: 'cn-hangzhou', content: 'COMPANY', serviceNumber: null, materials: [] };
}

function blankApp() {
  return { name: '', content: 'COMPANY', serverRegion: 'cn-hangzhou', serviceNumber: null, materials: [],
    platforms: [{ platform: 'ANDROID', packageName: '', publicKey: '', md5: '' }] };
}

function blankApplication(type) {
  return { type, locale: lang(), subject: { kind: 'ENTERPRISE', name: '', idNumber: '', province: 'ZJ', materials: [],
    contact: { name: '', email: '', mobile: '' } }, websites: HAS_WEBSITES.includes(type) ? [blankWebsite()] : [], apps: [] };
}

/** The value at a field path of API.md ("websites[0].domains") in the application. */
function read(app, path) {
  return path.split('.').reduce((value, part) => {
    if (value == null) { return undefined; }
    const m = part.match(/^(\w+)\[(\d+)\]$/);
    return m ? (value[m[1]] || [])[Number(m[2])] : value[part];
  }, app);
}

function write(app, path, value) {
  const parts = path.split('.');
  let target = app;
  parts.slice(0, -1).forEach(part => {
    const m = part.match(/^(\w+)\[(\d+)\]$/);
    target = m ? target[m[1]][Number(m[2])] : (target[part] = target[part] || {});
  });
  target[parts[parts.length - 1]] = value;
}

function input(app, path, labelKey, options = {}) {
  const value = read(app, path);
  const shown = Array.isArray(value) ? value.join(options.lines ? '\n' : ', ') : (value ?? '');
  const id = 'f-' + path.replace(/[^\w]/g, '_');
  const control = options.choices
    ? `<select id="${id}" data-bind="${h(path)}">${options.choices.map(([v, label]) => `<option value="${h(v)}" ${v === value ? 'selected' : ''}>${h(label)}</option>`).join('')}</select>`
    : options.lines ? `<textarea id="${id}" data-bind="${h(path)}" data-list="lines">${h(shown)}</textarea>`
    : `<input id="${id}" data-bind="${h(path)}" ${options.list ? 'data-list="comma"' : ''} value="${h(shown)}">`;
  return `<div class="field" data-field="${h(path)}"><label for="${id}">${h(t(labelKey))}</label>${control}</div>`;
}

/** The application a change or cancellation of an active filing starts from: its subject, and the one website or app it is about. */
async function startedFrom(filingId, type, index) {
  const [stored, filing] = await Promise.all([api('GET', `/api/filings/${encodeURIComponent(filingId)}/application`),
    api('GET', `/api/filings/${encodeURIComponent(filingId)}`)]);
  if (!stored.ok || !filing.ok) { return null; }
  const list = type.endsWith('_APP') ? filing.json.apps : filing.json.websites;
  if (!type.endsWith('_SUBJECT') && !list[index]) { return null; }
  const app = blankApplication(type);
  app.subject = stored.json.subject;
  app.icpNumber = type.endsWith('_SUBJECT') ? filing.json.icpNumber
    : type.endsWith('_APP') ? filing.json.apps[index].icpNumber : filing.json.websites[index].icpNumber;
  app.websites = type === 'CHANGE_WEBSITE' ? [{ ...stored.json.websites[index], serviceNumber: null }] : [];
  app.apps = type === 'CHANGE_APP' ? [{ ...stored.json.apps[index], serviceNumber: null }] : [];
  app.reason = type.startsWith('CANCEL_') ? '' : undefined;
  return app;
}

async function form(type, correcting, from) {
  const [resources, numbers, provinces, regions] = await Promise.all([api('GET', '/api/resources'), api('GET', '/api/service-numbers'),
    api('GET', '/api/reference/provinces'), api('GET', '/api/reference/regions')]);
  let app;
  let problems = [];
  if (correcting) {
    const [stored, filing] = await Promise.all([api('GET', `/api/filings/${encodeURIComponent(correcting)}/application`),
      api('GET', `/api/filings/${encodeURIComponent(correcting)}`)]);
    if (stored.status === 404) { view.innerHTML = `<p class="error" id="not-found">${h(t('error.notFound'))}</p>`; return; }
    app = stored.json;
    problems = filing.json.reasons;
  } else if (from) {
    app = await startedFrom(from.id, type, from.index);
    if (!app) { view.innerHTML = `<p class="error" id="not-found">${h(t('error.notFound'))}</p>`; return; }
  } else {
    app = blankApplication(TYPES.includes(type) ? type : 'NEW_FILING');
  }
  const state = { app, problems, checklist: null, resources: resources.json || [], numbers: (numbers.json || []).filter(n => n.status === 'UNUSED'),
    provinces: provinces.json || [], regions: (regions.json || []).filter(r => r.area === 'MAINLAND'), correcting, fixedType: Boolean(from) };
  drawForm(state);
  await checklist(state);
}

function drawForm(state) {
  openForm = state;
  const app = state.app;
  const provinceChoices = state.provinces.map(p => [p.code, lang() === 'zh-CN' ? p.nameZh : p.nameEn]);
  const regionChoices = state.regions.map(r => [r.id, `${r.id} · ${r.name}`]);
  const contentChoices = ['COMPANY', 'PERSONAL', 'OTHER'].map(c => [c, t('content.' + c)]);
  const numberChoices = current => [['', '—'], ...(current && !state.numbers.some(n => n.serviceNumber === current) ? [[current, current]] : []),
    ...state.numbers.map(n => [n.serviceNumber, `${n.serviceNumber} (${n.resourceId})`])];
  view.innerHTML = `
    <h1>${h(t(state.correcting ? 'form.title.correct' : 'form.title.new'))}</h1>
    <form id="application" novalidate>
      <p class="error" id="form-error" hidden></p>
      <div class="grid">
        ${state.correcting || state.fixedType ? `<div class="field"><label>${h(t('form.type'))}</label><p id="fixed-type">${h(t('type.' + app.type))}</p></div>`
          : input(app, 'type', 'form.type', { choices: TYPES.map(v => [v, t('type.' + v)]) })}
        ${NEEDS_NUMBER.includes(app.type) ? input(app, 'icpNumber', 'form.icpNumber') : ''}
      </div>
      ${app.type.startsWith('CANCEL_') ? input(app, 'reason', 'form.reason') : ''}
      <fieldset data-field="subject"><legend>${h(t('form.subject'))}</legend><div class="grid">
        ${input(app, 'subject.kind', 'form.kind', { choices: ['ENTERPRISE', 'INDIVIDUAL'].map(k => [k, t('kind.' + k)]) })}
        ${input(app, 'subject.province', 'form.province', { choices: provinceChoices })}
        ${input(app, 'subject.name', 'form.subjectName')}
        ${input(app, 'subject.idNumber', 'form.idNumber')}
        ${input(app, 'subject.contact.name', 'form.contactName')}
        ${input(app, 'subject.contact.mobile', 'form.mobile')}
        ${input(app, 'subject.contact.email', 'form.email')}
      </div></fieldset>
      ${HAS_WEBSITES.includes(app.type) ? `<h2>${h(t('form.websites'))}</h2>
        ${app.websites.map((w, i) => `<fieldset data-field="websites[${i}]"><legend>${h(t('form.website', i + 1))}</legend><div class="grid">
          ${input(app, `websites[${i}].name`, 'form.websiteName')}
          ${input(app, `websites[${i}].serverRegion`, 'form.region', { choices: regionChoices })}
          ${input(app, `websites[${i}].domains`, 'form.domains', { lines: true })}
          ${input(app, `websites[${i}].content`, 'form.content', { choices: contentChoices })}
          ${NUMBERED.includes(app.type) ? input(app, `websites[${i}].serviceNumber`, 'form.serviceNumber', { choices: numberChoices(w.serviceNumber) })
            + serviceNumberMaker(state, `websites[${i}].serviceNumber`) : ''}
          ${input(app, `websites[${i}].preApprovalCategories`, 'form.preApproval', { list: true })}
          </div>${app.websites.length > 1 ? `<button type="button" class="secondary" data-remove="websites" data-index="${i}">${h(t('form.remove'))}</button>` : ''}</fieldset>`).join('')}
        ${app.type.startsWith('CHANGE_') ? '' : `<button type="button" class="secondary" id="add-website">${h(t('form.addWebsite'))}</button>`}` : ''}
      ${HAS_APPS.includes(app.type) ? `<h2>${h(t('form.apps'))}</h2>
        ${app.apps.map((a, i) => `<fieldset data-field="apps[${i}]"><legend>${h(t('form.app', i + 1))}</legend><div class="grid">
          ${input(app, `apps[${i}].name`, 'form.appName')}
          ${input(app, `apps[${i}].serverRegion`, 'form.region', { choices: regionChoices })}
          ${input(app, `apps[${i}].content`, 'form.content', { choices: contentChoices })}
          ${NUMBERED.includes(app.type) ? input(app, `apps[${i}].serviceNumber`, 'form.serviceNumber', { choices: numberChoices(a.serviceNumber) })
            + serviceNumberMaker(state, `apps[${i}].serviceNumber`) : ''}
          ${a.platforms.map((p, j) => `
            ${input(app, `apps[${i}].platforms[${j}].platform`, 'form.platform', { choices: ['ANDROID', 'IOS', 'HARMONYOS'].map(v => [v, v]) })}
            ${p.platform === 'IOS' ? input(app, `apps[${i}].platforms[${j}].bundleId`, 'form.bundleId') : input(app, `apps[${i}].platforms[${j}].packageName`, 'form.packageName')}
            ${p.platform === 'IOS' ? input(app, `apps[${i}].platforms[${j}].sha1`, 'form.sha1') : input(app, `apps[${i}].platforms[${j}].md5`, 'form.md5')}
            ${input(app, `apps[${i}].platforms[${j}].publicKey`, 'form.publicKey')}`).join('')}
          </div><button type="button" class="secondary" data-remove="apps" data-index="${i}">${h(t('form.remove'))}</button></fieldset>`).join('')}
        ${app.type === 'CHANGE_APP' && app.apps.length ? '' : `<button type="button" class="secondary" id="add-app">${h(t('form.addApp'))}</button>`}` : ''}
      <h2>${h(t('form.materials'))}</h2><p class="hint">${h(t('form.materials.hint'))}</p>
      <div id="checklist"></div>
      <div class="actions"><button type="submit" id="submit">${h(t(state.correcting ? 'form.resubmit' : 'form.submit'))}</button>
        <a href="${state.correcting ? `#/filings/${h(state.correcting)}` : '#/'}"><button type="button" class="secondary">${h(t('form.cancel'))}</button></a></div>
    </form>`;
  bindForm(state);
  showProblems(state.problems);
  if (state.problems.length && !state.correcting) {
    const error = document.getElementById('form-error');
    error.hidden = false;
    error.textContent = t('form.invalid', state.problems.length);
  }
  drawChecklist(state);
}

function serviceNumberMaker(state, path) {
  const eligible = state.resources.filter(r => r.serviceNumbersLeft > 0);
  return `<div class="field"><label>${h(t('form.newServiceNumber'))}</label><div class="actions" style="margin:0">
    <select data-resource-for="${h(path)}">${eligible.map(r => `<option value="${h(r.id)}">${h(r.id)} · ${h(r.region)} (${h(r.serviceNumbersLeft)})</option>`).join('')}</select>
    <button type="button" class="secondary" data-new-number="${h(path)}">+</button></div></div>`;
}

function bindForm(state) {
  const root = document.getElementById('application');
  root.querySelectorAll('[data-bind]').forEach(control => control.addEventListener('change', () => {
    const path = control.dataset.bind;
    let value = control.value;
    if (control.dataset.list === 'lines') { value = value.split(/\s*\n\s*/).map(s => s.trim()).filter(Boolean); }
    if (control.dataset.list === 'comma') { value = value.split(/[,\s，]+/).map(s => s.trim()).filter(Boolean); }
    write(state.app, path, value === '' ? null : value);
    if (path === 'type' || /platform$/.test(path)) {
      if (path === 'type') { const fresh = blankApplication(value); fresh.subject = state.app.subject; state.app = fresh; }
      drawForm(state);
    }
    if (['type', 'subject.kind', 'subject.province'].includes(path) || /preApprovalCategories$/.test(path)) { checklist(state); }
  }));
  const addWebsite = document.getElementById('add-website');
  if (addWebsite) { addWebsite.addEventListener('click', () => { state.app.websites.push(blankWebsite()); drawForm(state); checklist(state); }); }
  const addApp = document.getElementById('add-app');
  if (addApp) { addApp.addEventListener('click', () => { state.app.apps.push(blankApp()); drawForm(state); checklist(state); }); }
  root.querySelectorAll('[data-remove]').forEach(b => b.addEventListener('click', () => {
    state.app[b.dataset.remove].splice(Number(b.dataset.index), 1); drawForm(state); checklist(state);
  }));
  root.querySelectorAll('[data-new-number]').forEach(b => b.addEventListener('click', async () => {
    const path = b.dataset.newNumber;
    const resource = root.querySelector(`[data-resource-for="${path}"]`).value;
    const issued = await api('POST', '/api/service-numbers', { resourceId: resource });
    if (!issued.ok) { return formError(issued, state); }
    state.numbers.push(issued.json);
    state.resources = (await api('GET', '/api/resources')).json || state.resources;
    write(state.app, path, issued.json.serviceNumber);
    drawForm(state);
  }));
  root.addEventListener('submit', async e => {
    e.preventDefault();
    const button = document.getElementById('submit');
    button.disabled = true;
    button.textContent = t('form.sending');
    const answer = state.correcting
      ? await api('POST', `/api/filings/${encodeURIComponent(state.correcting)}/resubmission`, state.app)
      : await api('POST', '/api/filings', state.app);
    if (answer.ok) { location.hash = `#/filings/${answer.json.id}`; return; }
    button.disabled = false;
    button.textContent = t(state.correcting ? 'form.resubmit' : 'form.submit');
    formError(answer, state);
  });
}

/** A refusal of the API shown at the top and each of its errors at its field; kept with the form for a redraw. */
function formError(answer, state) {
  const error = document.getElementById('form-error');
  const errors = (answer.json && answer.json.errors) || [];
  state.problems = errors;
  error.hidden = false;
  error.textContent = errors.length ? t('form.invalid', errors.length) : ((answer.json && answer.json.detail) || String(answer.status));
  showProblems(errors);
  error.scrollIntoView({ block: 'center' });
}

/**
 * Each problem (a 400's errors[] or a filing's reasons) at its field: the field itself, or the nearest
 * enclosing part of the form (websites[0].domains[1] → websites[0].domains → websites[0]).
 */
function showProblems(problems) {
  document.querySelectorAll('.field-problem').forEach(e => e.remove());
  document.querySelectorAll('.has-problem').forEach(e => e.classList.remove('has-problem'));
  for (const p of problems || []) {
    let path = p.field || '';
    let target = null;
    while (path && !(target = document.querySelector(`[data-field="${CSS.escape(path)}"]`))) {
      path = path.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    }
    target = target || document.getElementById('form-error');
    if (!target) { continue; }
    target.classList.add('has-problem');
    const note = document.createElement('div');
    note.className = 'field-problem';
    note.dataset.problemFor = p.field || '';
    note.innerHTML = `${h(p.code)}: ${h(p.message)}${p.rule || p.source ? `<span class="rule">${p.rule ? `${h(t('detail.rule'))} ${h(p.rule)}` : ''}${p.source ? ` · ${h(p.source)}` : ''}</span>` : ''}`;
    if (target.matches('fieldset')) { target.querySelector('legend').after(note); } else if (target.id === 'form-error') { target.after(note); } else { target.appendChild(note); }
  }
}

/** The checklist of POST /api/filing-requirements for the application as it stands. */
async function checklist(state) {
  const answer = await api('POST', '/api/filing-requirements', state.app);
  state.checklist = answer.ok ? answer.json : null;
  drawChecklist(state);
}

function drawChecklist(state) {
  const box = document.getElementById('checklist');
  if (!box) { return; }
  if (!state.checklist) { box.innerHTML = ''; return; }
  const lines = state.checklist.materials;
  box.innerHTML = lines.map((m, i) => {
    const attached = refsAt(state.app, m.for).find(r => r.kind === m.kind && (!m.category || r.category === m.category || !r.category));
    return `<div class="material" data-field="${h(m.for)}.materials.${h(m.kind)}" data-line="${i}">
      <div><strong>${h(t('material.' + m.kind))}</strong>${m.category ? ` ${h(m.category)}` : ''} · ${h(place(m.for))}
        <div class="meta">${h(m.rule)} · ${h(m.source)}</div></div>
      <div><input type="file" data-upload="${i}" aria-label="${h(m.kind)}"><progress max="1" value="${attached ? 1 : 0}" hidden></progress></div>
      <div class="uploaded">${attached ? `${h(t('form.uploaded'))} <code>${short(attached.id)}</code>` : ''}</div></div>`;
  }).join('') + (state.checklist.verification.required
    ? `<p class="hint" id="verification-note">${h(t('form.verification', state.checklist.verification.who.map(w => t('who.' + w)).join('、')))}</p>` : '');
  box.querySelectorAll('[data-upload]').forEach(control => control.addEventListener('change', async () => {
    const line = lines[Number(control.dataset.upload)];
    const progress = control.nextElementSibling;
    progress.hidden = false;
    const answer = await upload(line.kind, line.category, control.files[0], share => { progress.value = share; });
    if (answer.status !== 201) { return formError(answer, state); }
    const refs = refsAt(state.app, line.for);
    const kept = refs.filter(r => !(r.kind === line.kind && (r.category || null) === (line.category || null)));
    kept.push({ kind: line.kind, id: answer.json.id, category: line.category || undefined });
    write(state.app, `${line.for}.materials`, kept);
    drawChecklist(state);
  }));
}

/** "websites[0]" as the applicant reads it: "网站 1". */
function place(path) {
  const m = path.match(/^(\w+)\[(\d+)\]$/);
  return m ? `${t('place.' + m[1])} ${Number(m[2]) + 1}` : t('place.' + path);
}

function refsAt(app, place) {
  const owner = read(app, place);
  return (owner && owner.materials) || [];
}

// ---------------------------------------------------------------- access checks and mails

async function access() {
  const history = await api('GET', '/api/access-checks?size=20');
  view.innerHTML = `<h1>${h(t('access.title'))}</h1>
    <form id="access-form" class="grid">
      <div class="field"><label for="domain">${h(t('access.domain'))}</label><input id="domain" required></div>
      <div class="field"><label for="product">${h(t('access.product'))}</label><select id="product">${PRODUCTS.map(p => `<option>${p}</option>`).join('')}</select></div>
    </form>
    <div class="actions"><button type="button" id="check">${h(t('access.check'))}</button><button type="button" class="secondary" id="diagnose">${h(t('access.diagnose'))}</button></div>
    <div id="result"></div>
    <h2>${h(t('access.history'))}</h2>
    <table id="checks"><tbody>${(history.json || []).map(c => `<tr><td>${h(c.domain)}</td><td>${h(c.product)}</td><td>${h(c.outcome)}</td><td>${h(c.message || '')}</td></tr>`).join('')}</tbody></table>`;
  const result = document.getElementById('result');
  document.getElementById('check').addEventListener('click', async () => {
    const answer = await api('POST', '/api/access-checks', { domain: document.getElementById('domain').value, product: document.getElementById('product').value });
    result.innerHTML = answer.ok
      ? `<p class="${answer.json.outcome === 'ALLOWED' ? 'info' : 'error'}" id="outcome"><strong>${h(answer.json.outcome)}</strong> ${h(answer.json.message || '')}</p>`
      : `<p class="error" id="outcome">${h((answer.json.errors || []).map(e => `${e.field}: ${e.message}`).join('; ') || answer.json.detail)}</p>`;
  });
  document.getElementById('diagnose').addEventListener('click', async () => {
    const domain = document.getElementById('domain').value.trim();
    const answer = await api('GET', `/api/domains/${encodeURIComponent(domain)}/diagnosis`);
    result.innerHTML = answer.ok ? `<h3>${h(t('access.findings'))}</h3><div id="findings">${answer.json.findings.map(f =>
      `<div class="reason" data-code="${h(f.code)}"><strong>${h(f.code)}</strong> ${h(f.message)}<div class="meta">${h(t('access.advice'))}: ${h(f.advice)}</div></div>`).join('')}</div>`
      : `<p class="error" id="findings">${h(answer.json.detail || answer.status)}</p>`;
  });
}

async function mails() {
  const answer = await api('GET', '/api/mails?size=50');
  if (!answer.ok) { return failed(answer); }
  view.innerHTML = `<h1>${h(t('mails.title'))}</h1>
    ${answer.json.length === 0 ? `<p class="muted">${h(t('mails.none'))}</p>` : `
    <table id="mails"><thead><tr><th>${h(t('col.sent'))}</th><th>${h(t('col.subject'))}</th><th>${h(t('col.to'))}</th></tr></thead><tbody>
    ${answer.json.map((m, i) => `<tr><td>${when(m.createdAt)}</td><td><button type="button" class="link" data-mail="${i}">${h(m.subject)}</button></td><td>${h(m.to)}</td></tr>`).join('')}
    </tbody></table><div id="mail"></div>`}`;
  view.querySelectorAll('[data-mail]').forEach(b => b.addEventListener('click', () => {
    const m = answer.json[Number(b.dataset.mail)];
    const box = document.getElementById('mail');
    box.innerHTML = `<h2>${h(m.subject)}</h2><iframe class="mail" sandbox=""></iframe>`;
    // the mail's own HTML, in a frame that may run nothing
    box.querySelector('iframe').srcdoc = m.html;
  }));
}

// ---------------------------------------------------------------- routing

async function route() {
  clearInterval(ticker);
  openForm = null;
  translate(document);
  const path = location.hash.replace(/^#\/?/, '');
  document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('current', a.getAttribute('href') === '#/' + path.split('/')[0]));
  let m;
  if ((m = path.match(/^filings\/([^/]+)\/correct$/))) { return form(null, m[1]); }
  if ((m = path.match(/^filings\/([^/]+)\/start\/(\w+)\/(\d+)$/))) { return form(m[2], null, { id: m[1], index: Number(m[3]) }); }
  if ((m = path.match(/^filings\/([^/]+)$/))) { return detail(m[1]); }
  if ((m = path.match(/^apply(?:\/(\w+))?$/))) { return form(m[1] || 'NEW_FILING', null); }
  if (path === 'access') { return access(); }
  if (path === 'mails') { return mails(); }
  return home();
}

/** Marks each finished drawing of the page (body data-renders counts them), for whoever waits for one. */
function rendered() {
  document.body.dataset.loaded = location.hash || '#/';
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(otherLang());
  if (openForm && document.getElementById('application')) {
    translate(document);
    drawForm(openForm);
    rendered();
  } else {
    route().finally(rendered);
  }
});
window.addEventListener('hashchange', () => route().finally(rendered));
route().finally(rendered);
