import { render } from 'preact';
import { pickerLanguage, pickerWords } from './i18n.ts';
import { Picker } from './picker.tsx';
import { pickerApi } from './picker-api.ts';
import './picker.css';

// The conversation is the last path segment; the token is in the fragment, which never reaches a
// server or a log.
const conversationId = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const root = document.getElementById('app');
if (root) {
  render(
    <main aria-live="polite">
      <Picker api={pickerApi(conversationId, token)} words={pickerWords(pickerLanguage(navigator.language))} />
    </main>,
    root,
  );
}
