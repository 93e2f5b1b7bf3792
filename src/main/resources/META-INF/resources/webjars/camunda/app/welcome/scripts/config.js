// Performance Tracking Cycle: shadows the webjar's app/welcome/scripts/config.js (our jar comes first on
// the class path). Chinese for browsers that ask for zh and for every browser whose language has no
// locale here; English stays available (browser language en, or ?lang=en once, see ../ptc/locale.js).
// To make English the installation's default, change fallbackLocale to 'en' in the four config.js.
export default {
  // the name in the header and on the sign-in page (default: the English app name)
  app: {
    name: '欢迎',
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
