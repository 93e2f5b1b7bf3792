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

function localize(node) {
  const match = CHINESE_NAME.exec(node.nodeValue);
  if (match) {
    node.nodeValue = match[1] + match[3] + match[2] + match[4];
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
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    localize(node);
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
      }
    }
  ])
  .run([
    '$translate',
    function ($translate) {
      const chinese = () => ($translate.use() || $translate.proposedLanguage() || '') === 'zh';
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
