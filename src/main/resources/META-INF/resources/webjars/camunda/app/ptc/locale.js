// Performance Tracking Cycle: loaded by every webapp's config.js (customScripts) and registered as
// the AngularJS module 'ptc.locale' (requireJsConfig.ngDeps), before the webapp starts.
//
// Language: the installation's default (fallbackLocale in each app's config.js, zh) for everyone,
// whatever the browser's language, until a user switches: open any webapp once with ?lang=en (or
// ?lang=zh); the choice is kept in this browser (localStorage 'ptc.locale') for all four webapps.
//
// Chinese name order: the webapps print "firstName lastName" in code, not through a translatable
// text. Users are stored like Camunda's model (firstName = given name 伟, lastName = family name 张),
// so a text that is exactly "伟 张" (two runs of Chinese characters) is shown as "张伟" while the
// language is Chinese. The same observer translates the few texts written into Camunda's templates.
const KEY = 'ptc.locale';
const LOCALES = ['zh', 'en'];

const asked = new URLSearchParams(window.location.search).get('lang');
if (asked && LOCALES.includes(asked)) {
  window.localStorage.setItem(KEY, asked);
}
const chosen = window.localStorage.getItem(KEY);

const CHINESE_NAME = /^(\s*)([\u3400-\u9fff]{1,4}) ([\u3400-\u9fff]{1,3})(\s*)$/;

// texts written into the webapps' templates rather than taken from the locale: [selector, English, Chinese]
const FIXED_TEXTS = [['td.actions', 'Actions', '操作']];

// Camunda Forms (form-js 1.8.7, inside Tasklist) write their checks' messages and a few words in
// English: [English, Chinese], the English as a pattern of the whole text. A pattern's own message
// would show the regular expression; each such field's description says the expected format in words.
const FORM_TEXTS = [
  [/^Field is required\.$/, () => '此项必填 / required.'],
  [/^Field must have maximum length of (\d+)\.$/, m => '最多 ' + m[1] + ' 个字 / at most ' + m[1] + ' characters.'],
  [/^Field must have minimum length of (\d+)\.$/, m => '至少 ' + m[1] + ' 个字 / at least ' + m[1] + ' characters.'],
  [/^Field must have maximum value of (.+)\.$/, m => '不能大于 ' + m[1] + ' / at most ' + m[1] + '.'],
  [/^Field must have minimum value of (.+)\.$/, m => '不能小于 ' + m[1] + ' / at least ' + m[1] + '.'],
  [/^Field must match pattern .*$/, () => '格式不符，请按字段说明填写 / not in the format the field describes.'],
  [/^Value is not a number\.$/, () => '请输入数字 / enter a number.'],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^No results$/, () => '无匹配项'],
  [/^Nothing to show\.$/, () => '暂无数据']
];
const FORM_PLACEHOLDERS = {Search: '搜索', Select: '请选择'};

function localizeForm(node) {
  const parent = node.parentElement;
  if (!parent || !parent.closest('.fjs-container')) {
    return false;
  }
  const text = node.nodeValue.trim();
  for (const [english, chinese] of FORM_TEXTS) {
    const match = english.exec(text);
    if (match) {
      node.nodeValue = node.nodeValue.replace(text, chinese(match));
      return true;
    }
  }
  return false;
}

function localizePlaceholders(root) {
  if (!root.querySelectorAll) {
    return;
  }
  const inputs = Array.from(root.querySelectorAll('.fjs-container [placeholder]'));
  if (root.matches && root.matches('.fjs-container [placeholder]')) {
    inputs.push(root);
  }
  inputs.forEach(input => {
    const chinese = FORM_PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

function localize(node) {
  const match = CHINESE_NAME.exec(node.nodeValue);
  if (match) {
    node.nodeValue = match[1] + match[3] + match[2] + match[4];
    return;
  }
  if (localizeForm(node)) {
    return;
  }
  const parent = node.parentElement;
  FIXED_TEXTS.forEach(([selector, english, chinese]) => {
    if (parent && node.nodeValue.trim() === english && parent.matches(selector)) {
      node.nodeValue = node.nodeValue.replace(english, chinese);
    }
  });
}

function reorderNames(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    localize(root);
    return;
  }
  localizePlaceholders(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    localize(node);
  }
}

// The date pickers (Tasklist's follow-up and due dates, Cockpit's filters) take month and day names
// from AngularJS's $locale, which the webapps leave at en-us.
function chineseCalendar($locale, $injector) {
  const formats = $locale.DATETIME_FORMATS;
  formats.MONTH = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
  formats.SHORTMONTH = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
  formats.STANDALONEMONTH = formats.MONTH;
  formats.DAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
  formats.SHORTDAY = ['日', '一', '二', '三', '四', '五', '六'];
  formats.AMPMS = ['上午', '下午'];
  formats.FIRSTDAYOFWEEK = 0;
  if ($injector.has('uibDatepickerConfig')) {
    const picker = $injector.get('uibDatepickerConfig');
    picker.formatDayTitle = 'y年M月';
    picker.formatMonthTitle = 'y年';
    picker.startingDay = 1;
  }
}

window.angular
  .module('ptc.locale', [])
  .config([
    '$translateProvider',
    '$injector',
    function ($translateProvider, $injector) {
      // runs after the webapp's own config, which picked the browser's language
      const configuration = $injector.has('configurationProvider') ? $injector.get('configurationProvider') : null;
      const installationDefault = configuration ? configuration.getFallbackLocale() : null;
      const language = chosen && LOCALES.includes(chosen) ? chosen : installationDefault;
      if (language) {
        $translateProvider.preferredLanguage(language);
        // both locales have every key; loading only the one in use also keeps the other's dateLocales
        // from switching the date library (relative times like "3 天后" in English pages)
        $translateProvider.fallbackLanguage(language);
      }
    }
  ])
  .run([
    '$translate',
    '$locale',
    '$injector',
    function ($translate, $locale, $injector) {
      const chinese = () => ($translate.use() || $translate.proposedLanguage() || '') === 'zh';
      if (chinese()) {
        chineseCalendar($locale, $injector);
      }
      new MutationObserver(mutations => {
        if (!chinese()) {
          return;
        }
        mutations.forEach(m => {
          if (m.type === 'characterData') {
            localize(m.target);
          } else {
            m.addedNodes.forEach(reorderNames);
          }
        });
      }).observe(document.body, {childList: true, characterData: true, subtree: true});
    }
  ]);

export default [];
