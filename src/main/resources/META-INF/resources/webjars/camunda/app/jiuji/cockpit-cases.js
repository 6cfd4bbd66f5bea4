// Cockpit's 案件列表 page for managers and leaders (SPEC §11): every case they may see, newest
// first, with its household, township and current step, read from GET /api/cases with the
// Cockpit login. Read-only: the page changes nothing. Listed in cockpit/scripts/config.js.
import { text } from './locale.js';

const PATH = '/jiuji-cases';
const STATES = {
  ACTIVE: text('办理中', 'in progress'),
  COMPLETED: text('已结案', 'closed'),
  REJECTED: text('不予救助', 'turned down'),
  INTERNALLY_TERMINATED: text('已撤销', 'cancelled'),
  EXTERNALLY_TERMINATED: text('已撤销', 'cancelled'),
  SUSPENDED: text('已挂起', 'suspended')
};

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value == null ? '' : String(value);
  row.appendChild(td);
}

function day(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}

function render(container) {
  container.innerHTML = '';
  const page = document.createElement('section');
  page.className = 'jiuji-case-list';
  page.style.padding = '0 15px 15px';
  page.innerHTML = `
    <h2>${text('案件列表', 'Cases')}</h2>
    <form class="form-inline jiuji-case-filter" style="margin-bottom: 10px">
      <label>${text('乡镇代码', 'Township code')}
        <input class="form-control" name="township" placeholder="${text('全部乡镇，如 sanban', 'all, e.g. sanban')}"/></label>
      <label>${text('当前环节', 'Current step')}
        <select class="form-control" name="step">
          <option value="">${text('全部', 'all')}</option>
        </select></label>
      <button class="btn btn-default" type="submit">${text('查询', 'Search')}</button>
    </form>
    <p class="jiuji-case-status" role="status"></p>
    <table class="table table-striped cam-table">
      <thead><tr>
        <th>${text('案件编号', 'Case')}</th><th>${text('户主', 'Head of household')}</th>
        <th>${text('身份证号（脱敏）', 'ID (masked)')}</th><th>${text('乡镇', 'Township')}</th>
        <th>${text('村（社区）', 'Village')}</th><th>${text('人员类别', 'Category')}</th>
        <th>${text('当前环节', 'Current step')}</th><th>${text('状态', 'State')}</th>
        <th>${text('批准金额（元）', 'Approved (yuan)')}</th><th>${text('登记日期', 'Reported')}</th>
      </tr></thead>
      <tbody></tbody>
    </table>
    <nav class="jiuji-case-pages">
      <button class="btn btn-default" type="button" data-move="-1">${text('上一页', 'Previous')}</button>
      <span></span>
      <button class="btn btn-default" type="button" data-move="1">${text('下一页', 'Next')}</button>
    </nav>`;
  container.appendChild(page);

  const form = page.querySelector('form');
  const status = page.querySelector('.jiuji-case-status');
  const body = page.querySelector('tbody');
  const pages = page.querySelector('.jiuji-case-pages span');
  const stepSelect = form.querySelector('select[name=step]');
  const knownSteps = new Map();
  let current = 0;
  let last = 0;

  async function load(number) {
    const query = new URLSearchParams({ page: String(number) });
    const township = form.township.value.trim();
    if (township) query.set('township', township);
    if (stepSelect.value) query.set('step', stepSelect.value);
    status.textContent = text('正在读取……', 'Loading…');
    const response = await fetch('/api/cases?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.textContent = answer.message || text('案件列表读取失败', 'The case list could not be read');
      return;
    }
    current = answer.page;
    last = Math.max(0, Math.ceil(answer.total / answer.size) - 1);
    body.innerHTML = '';
    for (const c of answer.cases) {
      const row = document.createElement('tr');
      cell(row, c.caseNo);
      cell(row, c.householdHead);
      cell(row, c.idNumberMasked);
      cell(row, c.townshipName);
      cell(row, c.village);
      cell(row, c.category);
      cell(row, c.currentSteps.map((s) => s.name).join('、'));
      cell(row, STATES[c.state] || c.state);
      cell(row, c.approvedAmount);
      cell(row, day(c.startedAt));
      body.appendChild(row);
      for (const s of c.currentSteps) {
        if (!knownSteps.has(s.id)) {
          knownSteps.set(s.id, s.name);
          const option = document.createElement('option');
          option.value = s.id;
          option.textContent = s.name;
          stepSelect.appendChild(option);
        }
      }
    }
    status.textContent = text(`共 ${answer.total} 件`, `${answer.total} cases`);
    pages.textContent = text(`第 ${current + 1} / ${last + 1} 页`, `page ${current + 1} of ${last + 1}`);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  });
  page.querySelectorAll('[data-move]').forEach((button) => button.addEventListener('click', () => {
    const next = current + Number(button.dataset.move);
    if (next >= 0 && next <= last) load(next);
  }));
  load(0);
}

export default [
  {
    id: 'jiuji.caseList.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: { path: PATH },
    render: (node) => {
      node.innerHTML = `<a href="#${PATH}">${text('案件列表', 'Cases')}</a>`;
    }
  },
  {
    id: 'jiuji.caseList.route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: text('案件列表', 'Cases') },
    render
  }
];
