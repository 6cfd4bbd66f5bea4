// Tasklist, as the bureau's staff work in it (SPEC §11). Listed in tasklist/scripts/config.js.
//  - A 案件档案 tab beside every task of a case: each signed-off step (who, when, decision, amount,
//    opinion), the current step, the grants and their status, overdue steps and the family's
//    remaining cap, read from GET /api/cases/{caseNo}/file with the Tasklist login, and a button
//    for the printable 临时救助审核审批表.
//  - The form's own validation messages (form-js writes them in English) in Chinese.
//  - After a case is started, the worker is told its case number and, where its first step is the
//    worker's, taken there.
import { locale, text } from './locale.js';

const ENGINE = '/camunda/api/engine/engine/default';

// --- form-js validation messages --------------------------------------------------------------

// form-js 1.8 (Tasklist 7.24) writes exactly these sentences; each is matched whole
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少填写 ${m[1]} 个字`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多填写 ${m[1]} 个字`],
  [/^Field must match pattern (.+)\.$/, () => '格式不对，请按说明填写'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱'],
  [/^Field must be a valid {1,2}international phone number\..*$/, () => '请填写有效的电话号码'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效的数值，最接近的两个有效值为 ${m[1]} 和 ${m[2]}`]
];

export function chineseMessage(english) {
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(english.trim());
    if (match) return chinese(match);
  }
  return null;
}

// the words form-js puts into its fields itself (a select's placeholder, a list without matches)
const FIELD_WORDS = { Select: '请选择', 'No results': '无匹配项', Search: '搜索' };

function translateForms(root) {
  root.querySelectorAll('.fjs-container').forEach((form) => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const word = FIELD_WORDS[(node.nodeValue || '').trim()];
      if (word) node.nodeValue = word;
    }
    form.querySelectorAll('input[placeholder]').forEach((input) => {
      const word = FIELD_WORDS[input.placeholder.trim()];
      if (word) input.placeholder = word;
    });
  });
  root.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chinese = chineseMessage(node.nodeValue || '');
      if (chinese) node.nodeValue = chinese;
    }
  });
}

// --- due dates as staff read them ----------------------------------------------------------------

// Tasklist writes a task's due date as "5天后" (moment's time-ago) with the long date in its tooltip
// (2026年12月9日 星期三 17:30, locale.js); beside it we write the day and the working days left or
// missed in the county's calendar (GET /api/calendar/due): 2026年12月9日 星期三 · 剩余2个工作日.
const dueCache = new Map();

function instantOf(tooltip) {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日\D*?(\d{1,2}):(\d{2})/.exec(tooltip || '');
  return m ? new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]).toISOString() : null;
}

async function dueTexts(instants) {
  const missing = instants.filter((at) => !dueCache.has(at));
  if (missing.length) {
    const query = missing.map((at) => 'at=' + encodeURIComponent(at)).join('&');
    const answer = await json('/api/calendar/due?' + query).catch(() => []);
    answer.forEach((due) => dueCache.set(due.instant, due));
    setTimeout(() => missing.forEach((at) => dueCache.delete(at)), 10 * 60 * 1000);
  }
  return instants.map((at) => dueCache.get(at));
}

let dueRun = null;
function writeDueDates(root) {
  if (dueRun) return;
  dueRun = setTimeout(async () => {
    dueRun = null;
    const found = [];
    root.querySelectorAll('.due-date [am-time-ago], .follow-up-date [am-time-ago], .followup-date [am-time-ago]')
      .forEach((ago) => {
        const at = instantOf(ago.getAttribute('uib-tooltip'));
        if (!at) return;
        const shown = ago.parentElement.querySelector('.jiuji-due');
        if (shown && shown.dataset.at === at) return;
        found.push({ ago, at, followUp: !ago.closest('.due-date') });
      });
    if (!found.length) return;
    const texts = await dueTexts([...new Set(found.map((f) => f.at))]);
    const byInstant = new Map(texts.filter(Boolean).map((due) => [due.instant, due]));
    found.forEach(({ ago, at, followUp }) => {
      const due = byInstant.get(at);
      if (!due || !ago.isConnected) return;
      let shown = ago.parentElement.querySelector('.jiuji-due');
      if (!shown) {
        shown = document.createElement('span');
        shown.className = 'jiuji-due';
        ago.after(shown);
      }
      shown.dataset.at = at;
      // the follow-up date is when the task turns up under 即将到期: its day is what matters
      shown.textContent = followUp ? `${due.day}（起列入即将到期）` : `${due.day} · ${due.text}`;
      shown.classList.toggle('jiuji-late', !followUp && due.text.startsWith('已超期'));
      ago.classList.add('jiuji-replaced');
    });
  }, 150);
}

if (locale === 'zh') {
  new MutationObserver(() => {
    translateForms(document.body);
    writeDueDates(document.body);
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['uib-tooltip'] });
}

// --- the case number after a start --------------------------------------------------------------

function notice(message) {
  let box = document.querySelector('.jiuji-started');
  if (!box) {
    box = document.createElement('div');
    box.className = 'jiuji-started alert alert-success';
    box.setAttribute('role', 'status');
    document.body.appendChild(box);
  }
  box.textContent = message;
  clearTimeout(box.hideAfter);
  box.hideAfter = setTimeout(() => box.remove(), 15000);
}

async function json(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || text('读取失败', 'could not be read'));
  }
  return body;
}

async function started(instance) {
  if (!instance || !instance.id) return;
  let caseNo = instance.businessKey;
  if (!caseNo) {
    const found = await json(`${ENGINE}/process-instance/${instance.id}`).catch(() => ({}));
    caseNo = found.businessKey;
  }
  if (!caseNo) return; // not a case (e.g. a screening run)
  const mine = await json(`${ENGINE}/task?processInstanceId=${instance.id}&maxResults=1`).catch(() => []);
  notice(mine.length
    ? text(`已登记案件 ${caseNo}，正在打开第一步“${mine[0].name}”`, `Case ${caseNo} started; opening “${mine[0].name}”`)
    : text(`已登记案件 ${caseNo}，已转下一环节办理`, `Case ${caseNo} started and passed on`));
  if (mine.length) {
    window.location.hash = `#/?task=${mine[0].id}`;
  }
}

// Tasklist starts a case with POST .../process-definition/{id}/submit-form; its answer is the new instance
const send = XMLHttpRequest.prototype.send;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.jiujiStart = method === 'POST' && /\/process-definition\/[^/]+\/submit-form$/.test(String(url));
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  if (this.jiujiStart) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        try {
          started(JSON.parse(this.responseText));
        } catch (e) {
          // not JSON: nothing to tell
        }
      }
    });
  }
  return send.apply(this, args);
};

// --- the 案件档案 tab -----------------------------------------------------------------------------

const STATES = {
  ACTIVE: text('办理中', 'in progress'),
  COMPLETED: text('已结案', 'closed'),
  REJECTED: text('不予救助', 'turned down'),
  INTERNALLY_TERMINATED: text('已撤销', 'cancelled'),
  EXTERNALLY_TERMINATED: text('已撤销', 'cancelled')
};
const GRANT_STATES = { PAID: text('已发放', 'paid'), SENT: text('已报送银行', 'sent to the bank'), FAILED: text('发放失败', 'failed') };

function day(instant) {
  if (!instant) return '';
  return new Date(instant).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit'
  });
}

function yuan(amount) {
  return amount == null ? '' : Number(amount).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + text(' 元', ' yuan');
}

function table(headers, rows) {
  const t = document.createElement('table');
  t.className = 'table table-condensed jiuji-case-table';
  const head = t.createTHead().insertRow();
  headers.forEach((h) => {
    const th = document.createElement('th');
    th.textContent = h;
    head.appendChild(th);
  });
  const body = t.createTBody();
  rows.forEach((cells) => {
    const row = body.insertRow();
    cells.forEach((value) => {
      row.insertCell().textContent = value == null ? '' : String(value);
    });
  });
  return t;
}

function heading(container, title) {
  const h = document.createElement('h4');
  h.textContent = title;
  container.appendChild(h);
}

function paragraph(container, value, className) {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = value;
  container.appendChild(p);
}

export function renderCaseFile(container, file) {
  const c = file.summary;
  container.innerHTML = '';
  const page = document.createElement('section');
  page.className = 'jiuji-case-file';
  container.appendChild(page);

  heading(page, text(`案件 ${c.caseNo}`, `Case ${c.caseNo}`));
  paragraph(page, [
    `${text('户主', 'Head')}：${c.householdHead || ''}（${c.idNumberMasked || ''}）`,
    `${text('乡镇', 'Township')}：${c.townshipName || ''}`,
    `${text('状态', 'State')}：${STATES[c.state] || c.state}`,
    `${text('当前环节', 'Current step')}：${(c.currentSteps || []).map((s) => s.name).join('、') || text('无', 'none')}`
  ].join('　'));
  paragraph(page, [
    `${text('两年自付', 'Self-paid')}：${yuan(c.selfPaidTwoYears)}`,
    `${text('建议金额', 'Suggested')}：${yuan(c.suggestedAmount)}`,
    `${text('批准金额', 'Approved')}：${yuan(c.approvedAmount)}`,
    `${text(`${file.capYear}年家庭剩余额度`, `Cap left in ${file.capYear}`)}：${yuan(file.capRemaining)}`
  ].join('　'));
  if ((file.overdue || []).length) {
    heading(page, text('超期环节', 'Overdue steps'));
    const late = table([text('环节', 'Step'), text('原定截止', 'Due'), text('超期', 'Late'), text('状态', 'State')],
      file.overdue.map((o) => [o.name, o.dueDay, text(`${o.workingDaysLate}个工作日`, `${o.workingDaysLate} working days`),
        o.open ? text('仍在办理', 'still open') : text('已办结', 'done')]));
    late.classList.add('jiuji-overdue');
    page.appendChild(late);
  }

  heading(page, text('办理经过', 'Steps so far'));
  if ((file.signOffs || []).length) {
    page.appendChild(table(
      [text('环节', 'Step'), text('办理人', 'By'), text('办理时间', 'When'), text('结论', 'Decision'),
        text('金额', 'Amount'), text('意见', 'Opinion')],
      file.signOffs.map((s) => [s.step, s.person, day(s.date), s.decision, yuan(s.amount), (s.notes || []).join('；')])));
  } else {
    paragraph(page, text('尚无已办结的环节', 'No step completed yet'));
  }

  heading(page, text('发放记录', 'Payments'));
  if ((c.grants || []).length) {
    page.appendChild(table(
      [text('资金来源', 'Source'), text('金额', 'Amount'), text('状态', 'Status'), text('批次', 'Batch'), text('日期', 'Date')],
      c.grants.map((g) => [g.label, yuan(g.amount), GRANT_STATES[g.status || 'PAID'] || g.status, g.batchNo || '', day(g.paidAt)])));
    paragraph(page, `${text('合计', 'Total')}：${yuan(c.totalGranted)}`);
  } else {
    paragraph(page, text('尚无发放记录', 'Nothing paid yet'));
  }

  if (c.package && Object.keys(c.package.bySource || {}).length) {
    heading(page, text('救助帮扶合计（一事一议、多部门联动）', 'The aid package'));
    const bySource = Object.entries(c.package.bySource || {});
    const labels = new Map((c.grants || []).map((g) => [g.source, g.label]));
    page.appendChild(table([text('资金来源', 'Source'), text('金额', 'Amount')],
      bySource.map(([source, amount]) => [labels.get(source) || source, yuan(amount)])));
    (c.package.monthly || []).forEach((m) => paragraph(page, text(
      `${labels.get(m.source) || m.source}：每月 ${yuan(m.monthlyAmount)}，共 ${m.months} 个月，已发 ${m.paidMonths} 个月`,
      `${m.source}: ${m.monthlyAmount} a month for ${m.months} months, ${m.paidMonths} paid`)));
    paragraph(page, `${text('合计', 'Total')}：${yuan(c.package.total)}`);
  }

  const print = document.createElement('a');
  print.className = 'btn btn-default jiuji-approval-form';
  print.href = `/api/cases/${encodeURIComponent(c.caseNo)}/approval-form.pdf`;
  print.target = '_blank';
  print.rel = 'noopener';
  print.textContent = text('打印临时救助审核审批表', 'Print the approval form');
  page.appendChild(print);
}

async function showCaseFile(container, taskId) {
  container.textContent = text('正在读取案件档案……', 'Loading the case file…');
  try {
    const variable = await json(`${ENGINE}/task/${taskId}/form-variables?variableNames=caseNo`);
    const caseNo = variable.caseNo && variable.caseNo.value;
    if (!caseNo) {
      container.textContent = text('此任务不属于救助案件', 'This task belongs to no case');
      return;
    }
    renderCaseFile(container, await json(`/api/cases/${encodeURIComponent(caseNo)}/file`));
  } catch (e) {
    container.textContent = e.message;
  }
}

// --- 本镇案件: the cases of the worker's township (or all the user may see) with their current step ---

const CASE_STATES = {
  ACTIVE: text('办理中', 'in progress'),
  COMPLETED: text('已结案', 'closed'),
  REJECTED: text('不予救助', 'turned down'),
  INTERNALLY_TERMINATED: text('已撤销', 'cancelled'),
  EXTERNALLY_TERMINATED: text('已撤销', 'cancelled')
};

async function showCaseList(panel, number) {
  const body = panel.querySelector('.jiuji-case-list-body');
  const status = panel.querySelector('.jiuji-case-list-status');
  status.textContent = text('正在读取……', 'Loading…');
  try {
    const answer = await json('/api/cases?page=' + number);
    const pages = Math.max(1, Math.ceil(answer.total / answer.size));
    status.textContent = text(`共 ${answer.total} 件，第 ${number + 1} / ${pages} 页`, `${answer.total} cases, page ${number + 1} of ${pages}`);
    body.innerHTML = '';
    body.appendChild(table(
      [text('案件编号', 'Case'), text('户主', 'Head'), text('乡镇', 'Township'), text('村（社区）', 'Village'),
        text('人员类别', 'Category'), text('当前环节', 'Current step'), text('状态', 'State'), text('登记日期', 'Reported')],
      answer.cases.map((c) => [c.caseNo, c.householdHead, c.townshipName, c.village, c.category,
        (c.currentSteps || []).map((step) => step.name).join('、'), CASE_STATES[c.state] || c.state, day(c.startedAt)])));
    panel.querySelector('[data-move="-1"]').disabled = number === 0;
    panel.querySelector('[data-move="1"]').disabled = number + 1 >= pages;
    panel.dataset.page = String(number);
  } catch (e) {
    status.textContent = e.message;
  }
}

function openCaseList() {
  let panel = document.querySelector('.jiuji-case-list-panel');
  if (!panel) {
    panel = document.createElement('div');
    panel.className = 'jiuji-case-list-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', text('本辖区案件', 'Cases'));
    panel.innerHTML = `
      <header><h3>${text('本辖区案件（含当前环节）', 'Cases and their current step')}</h3>
        <button type="button" class="btn btn-default jiuji-close">${text('关闭', 'Close')}</button></header>
      <p class="jiuji-case-list-status" role="status"></p>
      <div class="jiuji-case-list-body"></div>
      <nav><button type="button" class="btn btn-default" data-move="-1">${text('上一页', 'Previous')}</button>
        <button type="button" class="btn btn-default" data-move="1">${text('下一页', 'Next')}</button></nav>`;
    panel.querySelector('.jiuji-close').addEventListener('click', () => panel.remove());
    panel.querySelectorAll('[data-move]').forEach((button) => button.addEventListener('click',
      () => showCaseList(panel, Number(panel.dataset.page || 0) + Number(button.dataset.move))));
    document.body.appendChild(panel);
  }
  showCaseList(panel, 0);
}

export default [{
  id: 'jiuji.caseList',
  pluginPoint: 'tasklist.navbar.action',
  priority: 300,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '';
    link.className = 'jiuji-case-list-link';
    link.textContent = text('本辖区案件', 'Cases');
    link.title = text('本乡镇（或您可查看的）全部案件及其当前环节', 'The cases you may see, with their current step');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      openCaseList();
    });
    node.appendChild(link);
  }
}, {
  id: 'jiuji.caseFile',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  properties: { label: text('案件档案', 'Case file') },
  render: (node, { taskId }) => {
    showCaseFile(node, taskId);
  }
}];
