// The 中文 / English switch at the foot of every page of the four webapps, the login page too
// (each app's config.js lists this file in customScripts). The choice is kept in this browser
// (locale.js) and holds for all four apps; choosing reloads the page in the other language.
import { locale, choose } from './locale.js';

const other = locale === 'zh' ? 'en' : 'zh';
document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';

const button = document.createElement('button');
button.type = 'button';
button.className = 'jiuji-language-switch';
button.lang = other === 'zh' ? 'zh-CN' : 'en';
button.textContent = other === 'zh' ? '中文' : 'English';
button.title = other === 'zh' ? '切换为中文界面' : 'Show the application in English';
button.addEventListener('click', () => {
  choose(other);
  window.location.reload();
});
document.body.appendChild(button);

// a custom script may also export plugins: this one has none
export default [];
