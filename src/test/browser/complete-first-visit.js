// Real-browser check of Tasklist (run by TasklistBrowserTest, Maven profile "browser"):
// in a browser set to English, the login page and Tasklist speak Chinese; the 中文 / English
// switch turns the login page English and back; then a township worker logs in, opens the
// first-visit task of one household, claims it, fills the Camunda Form and submits it; then it
// proposes a top-up the visit did not allow on the next task, and Tasklist shows the bare Chinese
// reason in a message that leaves the form's 提交 button free (the task stays open).
// usage: node complete-first-visit.js <base url> <user> <password> <household head> [screenshot dir]
const { chromium } = require('playwright-core');

(async () => {
  const [base, user, password, household, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // an English browser: staff get Chinese whatever their browser's language
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const shot = async (name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }); };
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
    // the task list shows the household head as a column: open this household's first visit
    const card = page.locator('li.task', { hasText: household }).filter({ hasText: '初次入户调查核对' });
    await card.first().waitFor({ timeout: 30000 });
    // the card gives its deadline in Chinese ("截止 5天后", "截止 3个月前"), not "Due in 5 days"
    const cardText = await card.first().innerText();
    if (!/截止\s*(\d+|几)?(秒|分钟|小时|天|个月|年)[后前]/.test(cardText)) throw new Error(`no Chinese deadline on the task card: ${cardText}`);
    await card.first().click();
    await page.getByText('认领', { exact: true }).click({ timeout: 30000 });
    await page.waitForTimeout(1500);
    await page.getByLabel('确认困难').check();
    await page.getByLabel('否', { exact: true }).check();
    await page.getByLabel('家庭人口（人）').fill('4');
    await page.getByLabel('入户调查情况').fill('浏览器测试：女儿耳蜗手术，家庭收入低，确有困难');
    // form-js takes a text area's text when the worker leaves the field
    await page.getByLabel('入户调查情况').press('Tab');
    // the family's account for the money (SPEC §8)
    await page.getByLabel('银行账号（一卡通/社保卡）').fill('6230351234567891234');
    await page.getByLabel('开户银行').fill('德化县农村信用合作联社三班信用社');
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
    await page.getByLabel('初步意见').fill('浏览器测试：建议加发');
    await page.getByLabel('初步意见').press('Tab');
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
  } catch (e) {
    await shot('first-visit-failed');
    console.error(e.message);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
