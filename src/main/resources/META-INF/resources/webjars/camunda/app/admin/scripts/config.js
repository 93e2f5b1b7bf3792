// Performance Tracking Cycle: shadows the webjar's app/admin/scripts/config.js (our jar comes first on
// the class path). fallbackLocale is the installation's language for every browser (../ptc/locale.js
// applies it whatever the browser's language); a user switches with ?lang=en or ?lang=zh once.
// To make English the installation's default, change fallbackLocale to 'en' in the four config.js.
export default {
  // the name in the header and on the sign-in page (default: the English app name)
  app: {
    name: '系统管理',
    vendor: 'Camunda'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // ISO dates and 24-hour times whatever the language (the webapps' default is the locale's own)
  dateFormat: {
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss',
    short: 'YYYY-MM-DD'
  },
  // the language switch and the Chinese name order (../ptc/locale.js registers module 'ptc.locale')
  customScripts: ['../ptc/locale'],
  requireJsConfig: {
    ngDeps: ['ptc.locale']
  }
};
