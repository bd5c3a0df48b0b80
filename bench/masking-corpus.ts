/**
 * A small labelled corpus of WhatsApp-style customer messages (English and Spanish): each has the
 * sensitive values that must be hidden and look-alikes that must stay readable.
 */
export interface LabelledMessage {
  text: string;
  sensitive: string[];
  keep: string[];
}

export const corpus: LabelledMessage[] = [
  {
    text: 'Hi, my card is 4111 1111 1111 1111, can you check the charge?',
    sensitive: ['4111 1111 1111 1111'],
    keep: [],
  },
  { text: 'Tarjeta 5555-5555-5555-4444 caducidad 12/27', sensitive: ['5555-5555-5555-4444'], keep: ['12/27'] },
  { text: 'Amex 3782 822463 10005 please refund', sensitive: ['3782 822463 10005'], keep: [] },
  { text: 'New Mastercard 2223003122003222 arrived', sensitive: ['2223003122003222'], keep: [] },
  {
    text: 'Mi IBAN es ES91 2100 0418 4502 0005 1332 para la devolución',
    sensitive: ['ES91 2100 0418 4502 0005 1332'],
    keep: [],
  },
  { text: 'Transfer to GB82WEST12345698765432 today', sensitive: ['GB82WEST12345698765432'], keep: [] },
  { text: 'IBAN DE89 3704 0044 0532 0130 00, gracias', sensitive: ['DE89 3704 0044 0532 0130 00'], keep: [] },
  { text: 'My SSN is 123-45-6789 if you need it', sensitive: ['123-45-6789'], keep: [] },
  { text: 'social security number 078051120', sensitive: ['078051120'], keep: [] },
  { text: 'Escríbeme a melissa@gmail.com por favor', sensitive: ['melissa@gmail.com'], keep: [] },
  { text: 'email ana.maria+pedidos@correo.example.es', sensitive: ['ana.maria+pedidos@correo.example.es'], keep: [] },
  { text: 'Llámame al +34 612 34 56 78 después de las 18:00', sensitive: ['+34 612 34 56 78'], keep: ['18:00'] },
  { text: 'Call me on +447966197542', sensitive: ['+447966197542'], keep: [] },
  { text: 'mi móvil 612 34 56 78', sensitive: ['612 34 56 78'], keep: [] },
  { text: 'Office +1 614 555 1234 ext 22', sensitive: ['+1 614 555 1234'], keep: [] },
  { text: 'Pedido 2024-01-15 número #123456789', sensitive: [], keep: ['2024-01-15', '123456789'] },
  { text: 'Order 100023456789 was shipped at 10:30', sensitive: [], keep: ['100023456789', '10:30'] },
  {
    text: 'Tracking 1Z999AA10123456784, delivery 21/11/2026',
    sensitive: [],
    keep: ['1Z999AA10123456784', '21/11/2026'],
  },
  { text: 'Invoice INV-2026-004512 for 149.99 EUR', sensitive: [], keep: ['INV-2026-004512', '149.99'] },
  { text: 'Código de cliente 4111 1111 1111 1112', sensitive: [], keep: ['4111 1111 1111 1112'] },
  { text: 'Reference ES92 2100 0418 4502 0005 1332 (typo)', sensitive: [], keep: ['ES92 2100 0418 4502 0005 1332'] },
  { text: 'Ticket 000-12-3456 is closed', sensitive: [], keep: ['000-12-3456'] },
  { text: 'Version 10.4.2 on build 20261121', sensitive: [], keep: ['10.4.2', '20261121'] },
  {
    text: 'Card 4012 8888 8888 1881, mail x.y@sub.example.co.uk and phone +44 7966 197542',
    sensitive: ['4012 8888 8888 1881', 'x.y@sub.example.co.uk', '+44 7966 197542'],
    keep: [],
  },
  { text: 'Hola, ¿cuándo llega mi pedido A-1042? Gracias 😀', sensitive: [], keep: ['A-1042'] },
  { text: 'Price 1234 5678 9012 total, item count 3', sensitive: [], keep: ['1234 5678 9012'] },
  // The reference's examples, and numbers written in the national format of regions that are
  // neither the customer's nor the channel's (issue 13: any region).
  { text: 'Antes llamaba al + 1 (123) 456 7890', sensitive: ['+ 1 (123) 456 7890'], keep: [] },
  { text: 'Mi celular es 55 1234 5678', sensitive: ['55 1234 5678'], keep: [] },
  { text: 'Meu número: (11) 91234-5678, obrigado', sensitive: ['(11) 91234-5678'], keep: [] },
  { text: 'Handy 0151 23456789 oder Büro 030 12345678', sensitive: ['0151 23456789', '030 12345678'], keep: [] },
  { text: 'Call me on 98765 43210 after 6', sensitive: ['98765 43210'], keep: [] },
  { text: 'mobile 07966 197542 or landline 020 7946 0958', sensitive: ['07966 197542', '020 7946 0958'], keep: [] },
  // Look-alikes: dates, times, amounts, order and invoice numbers, IBAN-like references.
  { text: 'Entrega el 21/11/2026 entre las 10:30 y las 14:00', sensitive: [], keep: ['21/11/2026', '10:30', '14:00'] },
  { text: 'Lieferung am 15.01.2024, Betrag 1.234.567,89 €', sensitive: [], keep: ['15.01.2024', '1.234.567,89'] },
  { text: 'Total: $ 1 234 567 MXN, pagado el 2026-11-21', sensitive: [], keep: ['1 234 567', '2026-11-21'] },
  { text: 'Pedido nº 612 34 56 78 enviado', sensitive: [], keep: ['612 34 56 78'] },
  { text: 'Order #98765 43210 is on its way', sensitive: [], keep: ['98765 43210'] },
  { text: 'Factura: 2026/004512, albarán 55 1234 5678', sensitive: [], keep: ['2026/004512', '55 1234 5678'] },
  { text: 'Invoice no. 020 7946 0958 due 30/11/2026', sensitive: [], keep: ['020 7946 0958', '30/11/2026'] },
  { text: 'Creditor reference RF18 5390 0754 7034', sensitive: [], keep: ['RF18 5390 0754 7034'] },
  {
    text: 'Ref ES92 2100 0418 4502 0005 1332 y DE00 3704 0044 0532 0130 00',
    sensitive: [],
    keep: ['ES92 2100 0418 4502 0005 1332', 'DE00 3704 0044 0532 0130 00'],
  },
  { text: 'Tarjeta de regalo 6011 1111 1111 1118 (caducada)', sensitive: [], keep: ['6011 1111 1111 1118'] },
];

export const regions = ['ES', 'GB', 'US'];
