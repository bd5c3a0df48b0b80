// The tokens and base styles first: pages' own stylesheets come after them and refine them.
import './admin.css';
import { render } from 'preact';
import { App } from './app.tsx';

const root = document.getElementById('app');
if (root) render(<App />, root);
