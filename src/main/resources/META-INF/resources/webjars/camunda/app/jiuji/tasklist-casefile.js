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

if (locale === 'zh') {
  new MutationObserver(() => translateForms(document.body))
    .observe(document.body, { childList: true, subtree: true, characterData: true });
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
  if ((c.overdueSteps || []).length) {
    paragraph(page, `${text('超期环节', 'Overdue steps')}：${c.overdueSteps.join('、')}`, 'text-danger jiuji-overdue');
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

export default [{
  id: 'jiuji.caseFile',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  properties: { label: text('案件档案', 'Case file') },
  render: (node, { taskId }) => {
    showCaseFile(node, taskId);
  }
}];
