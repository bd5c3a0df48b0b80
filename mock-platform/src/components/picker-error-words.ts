import { metaReasons, platformReasons } from '../../../shared/errors/error-reasons.ts';
import { errorWordsEn, errorWordsEs } from '../../../shared/errors/error-words.ts';

/**
 * The template picker page is plain JavaScript served as text (no bundler), so it cannot import
 * shared/errors/describe-failure.ts. It gets the same tables as data (one table, no copy) and this
 * small describer, which describe-failure's test keeps word-for-word equal to the side panel's.
 * Evaluates to `(head, refusal, es) => ({ text, detail? })`; `refusal` is the platform's JSON error.
 */
export const pickerDescribeSource = `(() => {
  const WORDS = ${JSON.stringify({ en: errorWordsEn, es: errorWordsEs })};
  const PLATFORM = ${JSON.stringify(platformReasons)};
  const META = ${JSON.stringify(metaReasons)};
  return (head, refusal, es) => {
    const table = es ? WORDS.es : WORDS.en;
    const say = (key, values) => table[key].replace(/{(\\w+)}/g, (match, name) => (values && name in values ? values[name] : match));
    const did = say(head);
    if (!refusal || typeof refusal.code !== 'string') return { text: did + ' ' + say('whyUnknown') };
    const meta = /_refused$/.test(refusal.code) ? /\\((\\d+)\\):\\s*(.*)$/s.exec(refusal.message || '') : null;
    if (meta && meta[1]) return { text: did + ' ' + say(META[meta[1]] || 'failRefused'), detail: say('failDetail', { code: meta[1], detail: meta[2] || '' }) };
    const issue = refusal.code === 'validation_failed' && refusal.issues && refusal.issues[0];
    const detail = refusal.code === 'unreachable' ? undefined
      : issue ? say('platformDetail', { code: refusal.code }) + ': ' + issue.path + ': ' + issue.message
      : say('platformDetail', { code: refusal.code });
    return Object.assign({ text: did + ' ' + say(PLATFORM[refusal.code] || 'whyUnknown') }, detail ? { detail } : {});
  };
})()`;
