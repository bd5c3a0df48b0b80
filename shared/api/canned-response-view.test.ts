import { describe, expect, it } from 'vitest';
import { type CannedResponseView, searchCanned } from './canned-response-view.ts';

const responses: CannedResponseView[] = [
  { id: '1', name: 'Greeting', shortcut: 'hello', language: 'en', text: 'Hello {{customer.name}}' },
  { id: '2', name: 'Saludo', shortcut: 'hola', language: 'es', text: 'Hola, ¿qué tal?' },
  { id: '3', name: 'Envío', shortcut: 'envio', language: 'es', text: 'Su pedido está en camino.' },
  { id: '4', name: 'Shipping', shortcut: 'shipping', language: 'en', text: 'Your order has shipped.' },
];
const shortcuts = (query: string, language: 'en' | 'es') =>
  searchCanned(responses, query, language).map((response) => response.shortcut);

describe('searchCanned', () => {
  it.each([
    ['', 'en', ['hello', 'shipping', 'envio', 'hola']],
    ['', 'es', ['envio', 'hola', 'hello', 'shipping']],
    ['h', 'es', ['hola', 'hello', 'shipping']],
    ['ENVÍO', 'en', ['envio']],
    ['camino', 'en', ['envio']],
    ['order', 'es', ['shipping']],
    ['nothing', 'en', []],
  ] as const)('%j in %s → %j', (query, language, expected) => expect(shortcuts(query, language)).toEqual(expected));
});
