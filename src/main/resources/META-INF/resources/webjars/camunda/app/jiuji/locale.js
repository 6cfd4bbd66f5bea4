// The language the four webapps (Tasklist, Cockpit, Admin, Welcome) speak in this browser:
// Chinese, unless its user chose English with the switch at the foot of every page
// (language-switch.js). Each app's scripts/config.js takes its locale settings from here.
//
// How Camunda 7.24 picks a language (camunda-commons-ui, $translateProvider in each app's
// bootstrap): the browser's first language, cut at "-" ("en-US" becomes "en"), if it is one of
// locales.availableLocales, otherwise locales.fallbackLocale. It stores no choice of its own and
// offers no switch. So availableLocales lists only the one language this browser is to get:
// a browser in English (or any other language) gets Chinese as well.
const KEY = 'jiuji.locale';

function stored() {
  try {
    return window.localStorage.getItem(KEY);
  } catch (e) {
    return null; // storage blocked: the default
  }
}

export const locale = stored() === 'en' ? 'en' : 'zh';

export const locales = { availableLocales: [locale], fallbackLocale: locale };

// moment formats of the webapps' dates (camDate filter: normal, long, short, abbr), as staff read
// them: 2026年12月9日 星期三 14:00. The weekday and month names come from the app's zh.json.
export const dateFormat = locale === 'zh'
  ? { normal: 'YYYY年M月D日 HH:mm', long: 'YYYY年M月D日 dddd HH:mm', short: 'YYYY年M月D日', abbr: 'M月D日 HH:mm' }
  : undefined;

// a text of config.js (app name, shortcut descriptions) in the chosen language
export function text(zh, en) {
  return locale === 'zh' ? zh : en;
}

export function choose(next) {
  try {
    window.localStorage.setItem(KEY, next);
  } catch (e) {
    // storage blocked: the page stays in Chinese
  }
}
