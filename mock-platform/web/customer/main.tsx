import { render } from 'preact';
import { customerLanguage, customerWords } from './i18n.ts';
import { CustomerPhone, type PhoneAccept } from './phone.tsx';
import { phoneApi } from './phone-api.ts';
import './phone.css';

// The file types the simulator takes come from the server (`customer-routes.ts`), as page data.
const accept = JSON.parse(document.getElementById('page-data')?.textContent ?? '{}') as PhoneAccept;
const root = document.getElementById('app');
if (root)
  render(
    <CustomerPhone api={phoneApi()} t={customerWords(customerLanguage(navigator.language))} accept={accept} />,
    root,
  );
