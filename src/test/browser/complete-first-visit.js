// Real-browser check of Tasklist (run by TasklistBrowserTest, Maven profile "browser"):
// logs in as a township worker, opens the first-visit task of one household, claims it,
// fills the Camunda Form and completes it.
// usage: node complete-first-visit.js <base url> <user> <password> <household head> [screenshot dir]
const { chromium } = require('playwright-core');

(async () => {
  const [base, user, password, household, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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
    await page.fill('input[type=text]', user);
    await page.fill('input[type=password]', password);
    await page.keyboard.press('Enter');
    await page.getByText('本组待办').first().click({ timeout: 30000 });
    // the task list shows the household head as a column: open this household's first visit
    const card = page.locator('li.task', { hasText: household }).filter({ hasText: '初次入户调查核对' });
    await card.first().click({ timeout: 30000 });
    await page.getByText('Claim', { exact: true }).click({ timeout: 30000 });
    await page.waitForTimeout(1500);
    await page.getByLabel('确认困难').check();
    await page.getByLabel('否', { exact: true }).check();
    await page.getByLabel('家庭人口（人）').fill('4');
    await page.getByLabel('入户调查情况').fill('浏览器测试：女儿耳蜗手术，家庭收入低，确有困难');
    await shot('first-visit-filled');
    await page.getByRole('button', { name: 'Complete' }).click();
    // Tasklist confirms and removes the task from the list
    await page.waitForSelector('text=/completed|已完成/i', { timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(2000);
    await shot('first-visit-completed');
    console.log('completed');
  } catch (e) {
    await shot('first-visit-failed');
    console.error(e.message);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
