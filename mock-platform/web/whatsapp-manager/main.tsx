import { render } from 'preact';
import { managerLanguage, managerWords } from './i18n.ts';
import { Manager, type ManagerData } from './manager.tsx';
import { managerApi } from './manager-api.ts';
import './manager.css';

// The server's data (Meta's template languages), never executed: see src/http/web-page.ts.
const data = JSON.parse(document.getElementById('page-data')?.textContent || '{"languages":[]}') as ManagerData;
const root = document.getElementById('app');
if (root)
  render(<Manager api={managerApi()} t={managerWords(managerLanguage(navigator.language))} data={data} />, root);
