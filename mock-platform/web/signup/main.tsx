import { render } from 'preact';
import { ADMIN_LANGUAGE_KEY, signupLanguage, signupWords } from './i18n.ts';
import { Signup } from './signup.tsx';
import { signupApi } from './signup-api.ts';
import { readSignupData } from './signup-data.ts';
import './signup.css';

const words = signupWords(signupLanguage(globalThis.localStorage?.getItem(ADMIN_LANGUAGE_KEY), navigator.language));
document.documentElement.lang = words.language;
document.title = words.t('title');
const root = document.getElementById('app');
if (root) {
  render(<Signup api={signupApi()} words={words} categories={readSignupData(document).categories} />, root);
  // What e2e tests wait for: the page answers clicks from here on.
  document.body.dataset.ready = 'true';
}
