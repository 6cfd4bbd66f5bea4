// Cockpit's 救助统计 page for managers, leaders and civil affairs (SPEC §10): the year's figures
// from GET /api/statistics with the Cockpit login, charts by township, by month and by money
// source drawn here as SVG (nothing is fetched from outside), the summary sentence, the open
// overdue steps and the ledger book's download. Read-only. Listed in cockpit/scripts/config.js.
import { text } from './locale.js';

const PATH = '/jiuji-statistics';
const SVG = 'http://www.w3.org/2000/svg';
const SOURCES = {
  CIVIL_AFFAIRS_CASE: '一事一议临时救助金',
  TOWNSHIP_ADVANCE: '乡镇先行救助',
  TOWNSHIP_TEMPORARY: '乡镇临时救助',
  CHARITY: '县慈善总会',
  DISABLED_FEDERATION: '县残联',
  EDUCATION: '县教育局',
  HUMAN_RESOURCES: '县人社局',
  HOUSING: '县住建局',
  MEDICAL_ASSISTANCE: '县医保局（医疗救助）'
};

function yuan(value) {
  return Number(value || 0).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function node(name, attributes, content) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (content != null) element.textContent = content;
  return element;
}

/** Horizontal bars, one per item: label on the left, the bar, its value on the right. */
function barChart(items, format) {
  const rowHeight = 22;
  const labelWidth = 150;
  const barWidth = 320;
  const width = labelWidth + barWidth + 110;
  const height = Math.max(1, items.length) * rowHeight + 8;
  const max = Math.max(1, ...items.map((i) => Number(i.value) || 0));
  const svg = node('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  items.forEach((item, index) => {
    const y = 4 + index * rowHeight;
    const length = Math.round(((Number(item.value) || 0) / max) * barWidth);
    svg.appendChild(node('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12 }, item.label));
    svg.appendChild(node('rect', { x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, fill: '#3b7dd8' }));
    svg.appendChild(node('text', { x: labelWidth + length + 6, y: y + 15, 'font-size': 12, fill: '#333' },
      format(item.value)));
  });
  return svg;
}

/** Vertical bars per month for the money paid, with the cases reported written under each month. */
function monthChart(months) {
  const width = 600;
  const height = 220;
  const left = 40;
  const bottom = 40;
  const slot = (width - left - 10) / 12;
  const max = Math.max(1, ...months.map((m) => Number(m.paid) || 0));
  const svg = node('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  svg.appendChild(node('line', { x1: left, y1: height - bottom, x2: width - 5, y2: height - bottom, stroke: '#999' }));
  months.forEach((m, index) => {
    const x = left + index * slot;
    const barHeight = Math.round(((Number(m.paid) || 0) / max) * (height - bottom - 30));
    svg.appendChild(node('rect', { x: x + slot * 0.15, y: height - bottom - barHeight, width: slot * 0.7,
      height: barHeight, fill: '#2f9e6e' }));
    if (Number(m.paid) > 0) {
      svg.appendChild(node('text', { x: x + slot / 2, y: height - bottom - barHeight - 4, 'text-anchor': 'middle',
        'font-size': 10 }, (Number(m.paid) / 10000).toFixed(2)));
    }
    svg.appendChild(node('text', { x: x + slot / 2, y: height - bottom + 14, 'text-anchor': 'middle', 'font-size': 11 },
      `${m.month}月`));
    svg.appendChild(node('text', { x: x + slot / 2, y: height - bottom + 30, 'text-anchor': 'middle', 'font-size': 10,
      fill: '#666' }, `${m.cases}件`));
  });
  svg.appendChild(node('text', { x: 2, y: 12, 'font-size': 10, fill: '#666' }, text('万元', '10k yuan')));
  return svg;
}

function figure(label, value) {
  return `<div class="jiuji-figure" style="display:inline-block;min-width:130px;margin:0 12px 12px 0;padding:8px 12px;border:1px solid #ddd;border-radius:4px">
    <div style="color:#666;font-size:12px">${label}</div><div style="font-size:20px;font-weight:bold">${value}</div></div>`;
}

function section(title) {
  const s = document.createElement('section');
  s.style.margin = '15px 0';
  const h = document.createElement('h3');
  h.textContent = title;
  s.appendChild(h);
  return s;
}

function render(container) {
  container.innerHTML = '';
  const page = document.createElement('section');
  page.className = 'jiuji-statistics';
  page.style.padding = '0 15px 15px';
  page.innerHTML = `
    <h2>${text('救助统计', 'Statistics')}</h2>
    <form class="form-inline jiuji-statistics-filter" style="margin-bottom: 10px">
      <label>${text('年度', 'Year')} <input class="form-control" name="year" size="6"/></label>
      <label>${text('乡镇', 'Township')} <select class="form-control" name="township">
        <option value="">${text('全县', 'whole county')}</option></select></label>
      <button class="btn btn-default" type="submit">${text('查询', 'Show')}</button>
      <a class="btn btn-primary jiuji-ledger-download" href="#">${text('下载救助台账（Excel）', 'Download the ledger book')}</a>
    </form>
    <p class="jiuji-statistics-status" role="status"></p>
    <p class="jiuji-summary lead"></p>
    <div class="jiuji-figures"></div>
    <div class="jiuji-charts"></div>`;
  container.appendChild(page);

  const form = page.querySelector('form');
  const townships = form.querySelector('select[name=township]');
  const status = page.querySelector('.jiuji-statistics-status');
  const summary = page.querySelector('.jiuji-summary');
  const figures = page.querySelector('.jiuji-figures');
  const charts = page.querySelector('.jiuji-charts');
  const download = page.querySelector('.jiuji-ledger-download');
  let townshipsListed = false;

  async function load() {
    const query = new URLSearchParams();
    if (form.year.value.trim()) query.set('year', form.year.value.trim());
    if (townships.value) query.set('township', townships.value);
    status.textContent = text('正在统计……', 'Counting…');
    const response = await fetch('/api/statistics?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const s = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.textContent = s.message || text('救助统计读取失败', 'The statistics could not be read');
      return;
    }
    status.textContent = '';
    form.year.value = s.year;
    if (!townshipsListed) {
      townshipsListed = true;
      if (s.township) {
        townships.innerHTML = '';
      }
      for (const t of s.byTownship) {
        const option = document.createElement('option');
        option.value = t.township;
        option.textContent = t.name;
        townships.appendChild(option);
      }
      if (s.township) townships.value = s.township;
    }
    const ledgerQuery = new URLSearchParams({ year: String(s.year) });
    if (s.township) ledgerQuery.set('township', s.township);
    download.href = '/api/statistics/ledger?' + ledgerQuery;
    summary.textContent = s.summary;
    figures.innerHTML = [
      figure(text('会议批次', 'Batches'), s.batches),
      figure(text('受助户数', 'Households paid'), s.households),
      figure(text('登记案件', 'Cases reported'), s.cases.reported),
      figure(text('批准', 'Approved'), s.cases.approved),
      figure(text('不予救助', 'Turned down'), s.cases.rejected),
      figure(text('办理中', 'Open'), s.cases.open),
      figure(text('已发放（元）', 'Paid (yuan)'), yuan(s.paid.total)),
      figure(text('纳入低保', 'Into dibao'), s.enrollments.DIBAO),
      figure(text('纳入低保边缘', 'Into dibao edge'), s.enrollments.DIBAO_EDGE),
      figure(text('纳入特困供养', 'Into tekun'), s.enrollments.TEKUN),
      figure(text('按时办结环节', 'Steps on time'), s.deadlines.onTime),
      figure(text('超期办结环节', 'Steps late'), s.deadlines.late),
      figure(text('当前超期环节', 'Steps overdue now'), s.deadlines.openOverdue)
    ].join('');

    charts.innerHTML = '';
    const byTownship = section(text('各乡镇发放金额（元）', 'Paid by township (yuan)'));
    byTownship.appendChild(barChart(s.byTownship.map((t) => ({ label: `${t.name}（${t.cases}件/${t.households}户）`,
      value: t.paid })), yuan));
    charts.appendChild(byTownship);
    const byMonth = section(text('按月发放金额与登记案件', 'Paid and reported by month'));
    byMonth.appendChild(monthChart(s.byMonth));
    charts.appendChild(byMonth);
    const bySource = section(text('按资金来源', 'Paid by source (yuan)'));
    bySource.appendChild(barChart(Object.entries(s.paid.bySource).map(([source, value]) => ({
      label: SOURCES[source] || source, value })), yuan));
    charts.appendChild(bySource);
    const byCategory = section(text('按人员类别', 'By category'));
    byCategory.appendChild(barChart(s.byCategory.map((c) => ({ label: `${c.label}（${c.cases}件）`, value: c.paid })), yuan));
    charts.appendChild(byCategory);

    const overdue = section(text('当前超期环节', 'Steps overdue now'));
    if (s.overdueSteps.length === 0) {
      const none = document.createElement('p');
      none.textContent = text('没有超期未办的环节。', 'No step is overdue.');
      overdue.appendChild(none);
    } else {
      const table = document.createElement('table');
      table.className = 'table table-striped cam-table';
      table.innerHTML = `<thead><tr><th>${text('案件编号', 'Case')}</th><th>${text('环节', 'Step')}</th>
        <th>${text('乡镇', 'Township')}</th><th>${text('办理期限', 'Due')}</th></tr></thead><tbody></tbody>`;
      const body = table.querySelector('tbody');
      for (const o of s.overdueSteps) {
        const row = document.createElement('tr');
        for (const value of [o.caseNo, o.name, o.townshipName,
          new Date(o.due).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })]) {
          const td = document.createElement('td');
          td.textContent = value == null ? '' : String(value);
          row.appendChild(td);
        }
        body.appendChild(row);
      }
      overdue.appendChild(table);
      if (s.deadlines.openOverdue > s.overdueSteps.length) {
        const more = document.createElement('p');
        more.textContent = text(`仅列出最早到期的 ${s.overdueSteps.length} 个，共 ${s.deadlines.openOverdue} 个。`,
          `The ${s.overdueSteps.length} earliest of ${s.deadlines.openOverdue}.`);
        overdue.appendChild(more);
      }
    }
    charts.appendChild(overdue);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
}

export default [
  {
    id: 'jiuji.statistics.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 90,
    properties: { path: PATH },
    render: (node) => {
      node.innerHTML = `<a href="#${PATH}">${text('救助统计', 'Statistics')}</a>`;
    }
  },
  {
    id: 'jiuji.statistics.route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: text('救助统计', 'Statistics') },
    render
  }
];
