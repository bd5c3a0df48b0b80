import { render } from 'preact';
import { DemoConsole } from './console.tsx';
import './console.css';

const root = document.getElementById('app');
if (root) render(<DemoConsole />, root);
