// Real-browser check of a leading-group meeting in Tasklist (run by hand against a running demo):
// civil1 calls a meeting from Tasklist's 发起流程 dialog with the Camunda start form; group1 opens
// 领导小组集体研究, claims it, reads every case of the batch in the form's list, decides the first
// case (批准) and leaves the others at 暂缓, fills 出席人员 and 会议纪要 and submits.
// usage: node hold-meeting.js <base url> [screenshot dir]
const { chromium } = require('playwright-core');

(async () => {
  const [base, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const errors = [];
  const login = async (user) => {
    // a browser of one's own: the webapps keep one login per session
    // tall enough to show the whole list: Tasklist scrolls the form inside its own pane
    const context = await browser.newContext({ viewport: { width: 1400, height: user === 'group1' ? 3600 : 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/(submit-form|start)$/.test(new URL(request.url()).pathname)) {
        console.log(`${user} posted ${new URL(request.url()).pathname} ${(request.postData() || '').slice(0, 600)}`);
      }
    });
    await page.goto(`${base}/camunda/app/tasklist/default/`);
    await page.waitForSelector('input[type=password]', { timeout: 60000 });
    await page.fill('input[type=text]', user);
    await page.fill('input[type=password]', 'demo');
    await page.keyboard.press('Enter');
    await page.getByText('本组待办').first().waitFor({ timeout: 30000 });
    return page;
  };
  const shot = async (page, name) => { if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }); };
  try {
    const civil = await login('civil1');
    await civil.getByText('发起流程').first().click();
    await civil.getByText('县社会救助领导小组会议').first().click({ timeout: 30000 });
    await civil.waitForTimeout(2000);
    await shot(civil, 'meeting-start-form');
    const date = civil.locator('.fjs-form input').first();
    await date.click();
    // a Chinese browser reads and writes dates as 2026/12/9
    await date.fill('2026/12/9');
    await date.press('Enter');
    await civil.getByLabel('会议名称').fill('2026年第2次县社会救助领导小组会议');
    await shot(civil, 'meeting-start-filled');
    await civil.getByRole('button', { name: '发起', exact: true }).click();
    await civil.waitForTimeout(3000);
    await shot(civil, 'meeting-started');
    await civil.close();

    const group = await login('group1');
    await group.getByText('本组待办').first().click();
    const card = group.locator('li.task', { hasText: '领导小组集体研究' });
    await card.first().click({ timeout: 30000 });
    await group.getByText('认领', { exact: true }).click({ timeout: 30000 });
    await group.waitForTimeout(2500);
    await shot(group, 'meeting-decision-form');
    const caseNos = await group.getByLabel('案件编号').evaluateAll((inputs) => inputs.map((i) => i.value));
    console.log(`cases shown: ${caseNos.join(', ')}`);
    // the first case: approved, but first over the family's remaining cap without the override
    await group.getByLabel('批准', { exact: true }).first().check();
    const amount = group.getByLabel('批准金额（元）').first();
    await amount.fill('50000');
    await amount.press('Tab');
    const note = group.getByLabel('审批意见').first();
    await note.fill('浏览器测试：会议研究同意救助');
    await note.press('Tab');
    await group.getByLabel('出席人员').fill('郑组长、黄组员、苏组员');
    await group.getByLabel('出席人员').press('Tab');
    await group.getByLabel('会议纪要').fill('浏览器测试：会议逐案研究，第一案批准，其余暂缓。');
    await group.getByLabel('会议纪要').press('Tab');
    await shot(group, 'meeting-decision-filled');
    const submit = group.getByRole('button', { name: '提交', exact: true });
    await submit.click({ timeout: 10000 });
    const toast = group.locator('.page-notifications').filter({ hasText: `案件 ${caseNos[0]}：` });
    await toast.first().waitFor({ timeout: 30000 });
    console.log(`refusal shown: ${(await toast.first().innerText()).replace(/\s+/g, ' ').trim()}`);
    await shot(group, 'meeting-decision-refused');
    // corrected: the reviewed amount
    await amount.fill('12200');
    await amount.press('Tab');
    await submit.click({ timeout: 10000 });
    await group.getByText('请在列表中选择一项任务。').first().waitFor({ timeout: 30000 });
    await group.waitForTimeout(1500);
    await shot(group, 'meeting-decided');
    console.log('decided');
  } catch (e) {
    console.log(`failed: ${e.message}`);
  } finally {
    if (errors.length) console.log('page errors:\n' + errors.join('\n'));
    await browser.close();
  }
})();
