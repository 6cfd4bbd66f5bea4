// Real-browser check of Tasklist (run by TasklistBrowserTest, Maven profile "browser"):
// in a browser set to English, the login page and Tasklist speak Chinese; the 中文 / English
// switch turns the login page English and back; then a township worker logs in, opens the
// first-visit task of one household, claims it, fills the Camunda Form and submits it; then it
// proposes a top-up the visit did not allow on the next task, and Tasklist shows the bare Chinese
// reason in a message that leaves the form's 提交 button free (the task stays open).
// Then the opinion goes on without the top-up, civil1 reviews it and group1 approves it, each form
// starting from the amount before. Submitted empty, the form says in Chinese what is missing; the task's 案件档案 tab shows the
// steps so far; and a case the worker starts from 发起流程 is named by its case number.
// The case is one: started from 发起流程 with the start form, then worked to the approval.
// usage: node complete-first-visit.js <base url> <user> <password> <household head> <its ID number> [screenshot dir]
const { chromium } = require('playwright-core');

(async () => {
  const [base, user, password, household, newIdNumber, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // an English browser: staff get Chinese whatever their browser's language
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const shot = async (name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }); };
  // a field filled while form-js still renders the form (right after 认领) can lose its text:
  // fill it until it keeps it, and leave it, which is when form-js takes a text area's value
  const fillKept = async (field, value) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await field.fill(value, { timeout: 30000 });
      await field.press('Tab');
      await field.page().waitForTimeout(300);
      if ((await field.inputValue()) === value) return;
    }
    throw new Error(`the field does not keep ${value}`);
  };
  // what Tasklist posts when the form is completed (TasklistBrowserTest reads it from the log)
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/task\/[^/]+\/(submit-form|complete)$/.test(new URL(request.url()).pathname)) {
      console.log(`submitted ${new URL(request.url()).pathname} ${request.postData()}`);
    }
  });
  try {
    await page.goto(`${base}/camunda/app/tasklist/default/`);
    await page.waitForSelector('input[type=password]', { timeout: 60000 });
    await page.getByText('任务办理', { exact: true }).waitFor({ timeout: 30000 });
    await page.getByPlaceholder('用户名').waitFor({ timeout: 5000 });
    await page.getByPlaceholder('密码').waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: '登录', exact: true }).waitFor({ timeout: 5000 });
    await shot('login');
    // English stays selectable, and the choice holds until it is changed back
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByPlaceholder('Username').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByPlaceholder('用户名').waitFor({ timeout: 30000 });
    await page.fill('input[type=text]', user);
    await page.fill('input[type=password]', password);
    await page.keyboard.press('Enter');
    await page.getByText('本组待办').first().click({ timeout: 30000 });
    await page.getByText('救急难 任务办理').first().waitFor({ timeout: 5000 });
    if (await page.getByText('Camunda 8').filter({ visible: true }).count()) throw new Error('the Camunda 8 banner is shown');
    // the header names the worker as Chinese write a name: 颜社工, not "社工 颜"
    const header = (await page.locator('[cam-widget-header]').first().innerText()).replace(/\s+/g, ' ');
    if (!header.includes('颜社工')) throw new Error(`the header does not name the worker 颜社工: ${header}`);
    // the case starts from 发起流程 with the start form: the worker is told its number and taken to its first step
    await page.getByText('发起流程', { exact: true }).click({ timeout: 10000 });
    await page.locator('.modal .available-processes').getByText('一事一议大额临时救助', { exact: true }).first().click({ timeout: 30000 });
    await page.getByLabel('户主姓名').fill(household, { timeout: 30000 });
    await page.getByLabel('户主身份证号').fill(newIdNumber);
    await page.getByLabel('村（社区）').fill('泗滨村');
    await page.getByLabel('两个连续年度个人自付医疗费用合计（元）').fill('132667');
    const category = page.locator('.fjs-form-field-select', { hasText: '人员类别' });
    if (!(await category.innerText()).includes('请选择')) throw new Error(`the select does not ask in Chinese: ${await category.innerText()}`);
    await category.locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: '一般困难群众' }).first().click({ timeout: 10000 });
    await page.getByLabel('村（社区）').press('Tab');
    await shot('start-filled');
    await page.locator('.modal-footer').getByRole('button', { name: '发起', exact: true }).click();
    const startedNotice = page.locator('.jiuji-started');
    await startedNotice.waitFor({ timeout: 30000 });
    const noticeText = (await startedNotice.innerText()).trim();
    console.log(`started: ${noticeText}`);
    if (!/已登记案件 YSYY-\d{4}-\d{5}/.test(noticeText)) throw new Error(`no case number after the start: ${noticeText}`);
    await page.waitForTimeout(2000);
    await shot('case-started');
    await page.getByText('本组待办').first().click({ timeout: 30000 });
    // the task list shows the household head as a column: open this household's first visit
    const card = page.locator('li.task', { hasText: household }).filter({ hasText: '初次入户调查核对' });
    await card.first().waitFor({ timeout: 30000 });
    // the card gives its deadline as staff read it: its day and the working days left
    // ("截止 2026年6月17日 星期三 · 剩余5个工作日"), not "Due in 5 days" nor "5天后"
    await card.first().locator('.jiuji-due').first().waitFor({ timeout: 30000 });
    const cardText = (await card.first().innerText()).replace(/\s+/g, ' ');
    if (!/截止 \d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日] · (剩余\d+个工作日|今日到期|下一个工作日前到期)/.test(cardText)) {
      throw new Error(`no Chinese deadline with working days on the task card: ${cardText}`);
    }
    if (/\d+天[后前]/.test(cardText)) throw new Error(`a relative date is still shown: ${cardText}`);
    console.log(`card: ${cardText}`);
    await card.first().click();
    await page.getByText('认领', { exact: true }).click({ timeout: 30000 });
    await page.waitForTimeout(1500);
    // submitted empty: form-js's own messages, in Chinese
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('此项为必填项').first().waitFor({ timeout: 10000 });
    if (await page.getByText('Field is required').count()) throw new Error('an English validation message is shown');
    console.log(`validation shown: ${await page.getByText('此项为必填项').count()} fields`);
    await shot('first-visit-empty');
    await page.getByLabel('确认困难').check();
    await page.getByLabel('否', { exact: true }).check();
    await page.getByLabel('家庭人口（人）').fill('4');
    await fillKept(page.getByLabel('入户调查情况'), '浏览器测试：女儿耳蜗手术，家庭收入低，确有困难');
    // the family's account for the money (SPEC §8)
    await fillKept(page.getByLabel('银行账号（一卡通/社保卡）'), '6230351234567891234');
    await fillKept(page.getByLabel('开户银行'), '德化县农村信用合作联社三班信用社');
    await shot('first-visit-filled');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    // Tasklist closes the task and asks, in Chinese, for the next one
    await page.getByText('请在列表中选择一项任务。').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(2000);
    await shot('first-visit-completed');
    console.log('completed');

    // the next step: a top-up although the visit did not find the family especially hard-up
    const opinion = page.locator('li.task', { hasText: household }).filter({ hasText: '提出初步救助意见' });
    await opinion.first().click({ timeout: 30000 });
    await page.getByText('认领', { exact: true }).click({ timeout: 30000 });
    await page.waitForTimeout(1500);
    await page.getByLabel('加发金额（元）').fill('1000');
    await page.getByLabel('建议救助总额（元）').fill('20900');
    await page.getByLabel('建议救助，报县民政局').check();
    await fillKept(page.getByLabel('初步意见'), '浏览器测试：建议加发');
    const submit = page.getByRole('button', { name: '提交', exact: true });
    await submit.click();
    const reason = '入户调查未认定家庭特别困难，不能加发救助金（加发金额请填 0）';
    const toast = page.locator('.page-notifications').filter({ hasText: reason });
    await toast.first().waitFor({ timeout: 30000 });
    const toastText = (await toast.first().innerText()).trim();
    console.log(`refusal shown: ${toastText.replace(/\s+/g, ' ')}`);
    if (/Cannot|task form|[A-Za-z]{4,}/.test(toastText)) throw new Error(`the refusal is not the bare Chinese reason: ${toastText}`);
    if (!toastText.endsWith(reason)) throw new Error(`the refusal does not end with the reason: ${toastText}`);
    await shot('refusal');
    // the message leaves the 提交 button free: nothing lies over its middle, and a click reaches it
    await submit.scrollIntoViewIfNeeded();
    const box = await submit.boundingBox();
    const covered = await page.evaluate(({ x, y }) => {
      const hit = document.elementFromPoint(x, y);
      return hit && (hit.closest('button') || {}).textContent !== undefined && hit.closest('button') ? hit.closest('button').textContent.trim() : (hit ? hit.outerHTML.slice(0, 120) : 'nothing');
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    if (covered !== '提交') throw new Error(`the 提交 button is covered by ${covered}`);
    await submit.click({ trial: true, timeout: 5000 });
    console.log('refused');

    // the 案件档案 tab: the first visit, by whom, with its decision
    await page.getByText('案件档案', { exact: true }).click({ timeout: 10000 });
    const file = page.locator('.jiuji-case-file');
    await file.getByText('办理经过').waitFor({ timeout: 30000 });
    const fileText = (await file.innerText()).replace(/\s+/g, ' ');
    for (const expected of ['乡镇入户调查核对', '颜社工', '确认家庭困难', household, '家庭剩余额度', '打印临时救助审核审批表']) {
      if (!fileText.includes(expected)) throw new Error(`the case file lacks ${expected}: ${fileText}`);
    }
    console.log(`case file shown: ${fileText.slice(0, 200)}`);
    await shot('case-file');

    // 本辖区案件: the township's cases with their current step, none of another township
    await page.getByText('本辖区案件', { exact: true }).click({ timeout: 10000 });
    const list = page.locator('.jiuji-case-list-panel');
    const row = list.locator('tr', { hasText: household });
    await row.first().waitFor({ timeout: 30000 });
    const rowText = (await row.first().innerText()).replace(/\s+/g, ' ');
    if (!rowText.includes('提出初步救助意见')) throw new Error(`the case list does not show the current step: ${rowText}`);
    if ((await list.innerText()).includes('浔中镇')) throw new Error('the case list shows another township\'s case');
    console.log(`case list row: ${rowText}`);
    await shot('case-list');
    await list.getByRole('button', { name: '关闭' }).click();


    // back to the refused opinion, which the worker has claimed: without the top-up it goes to the county
    await page.getByText('我的待办').first().click({ timeout: 30000 });
    await page.locator('li.task', { hasText: household }).filter({ hasText: '提出初步救助意见' }).first().click({ timeout: 30000 });
    await page.getByText('表单', { exact: true }).first().click({ timeout: 10000 });
    await page.getByLabel('加发金额（元）').fill('0', { timeout: 30000 });
    await page.getByLabel('建议救助总额（元）').fill('19900');
    await page.getByLabel('建议救助，报县民政局').check();
    await fillKept(page.getByLabel('初步意见'), '浏览器测试：建议按比例救助');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('请在列表中选择一项任务。').first().waitFor({ timeout: 30000 });
    console.log('opinion given');

    // the county's second review and the leading group's approval, each in its own login; each
    // form starts from the amount the step before arrived at
    const steps = [
      { user: 'civil1', task: '民政再次入户审核', amount: '审核金额（元）', decide: '通过，报领导小组', note: '审核意见',
        text: '浏览器测试：再次入户核实无误' },
      { user: 'group1', task: '县社会救助领导小组研究审批', amount: '批准金额（元）', decide: '批准', note: '审批意见',
        text: '浏览器测试：同意按审核金额救助' }
    ];
    for (const step of steps) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
      const worker = await context.newPage();
      await worker.goto(`${base}/camunda/app/tasklist/default/`);
      await worker.waitForSelector('input[type=password]', { timeout: 60000 });
      await worker.fill('input[type=text]', step.user);
      await worker.fill('input[type=password]', password);
      await worker.keyboard.press('Enter');
      try {
        await worker.getByText('本组待办').first().click({ timeout: 30000 });
      } catch (e) {
        if (shots) await worker.screenshot({ path: `${shots}/${step.user}-login-failed.png`, fullPage: true });
        throw e;
      }
      await worker.locator('li.task', { hasText: household }).filter({ hasText: step.task }).first().click({ timeout: 30000 });
      await worker.getByText('认领', { exact: true }).click({ timeout: 30000 });
      await worker.waitForTimeout(1500);
      const carried = await worker.getByLabel(step.amount).inputValue({ timeout: 30000 });
      if (carried !== '19900') throw new Error(`${step.task} does not start from the amount before it: ${carried}`);
      await worker.getByLabel(step.decide, { exact: true }).check();
      // form-js writes a required field's label with a star: 审核意见*
      await fillKept(worker.getByLabel(new RegExp(`^${step.note}\\*?$`)), step.text);
      if (shots) await worker.screenshot({ path: `${shots}/${step.user}-filled.png`, fullPage: true });
      await worker.getByRole('button', { name: '提交', exact: true }).click();
      await worker.getByText('请在列表中选择一项任务。').first().waitFor({ timeout: 30000 });
      console.log(`${step.task} done by ${step.user}`);
      await context.close();
    }
  } catch (e) {
    await shot('first-visit-failed');
    console.error(e.message);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
