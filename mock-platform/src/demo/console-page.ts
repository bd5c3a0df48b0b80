/**
 * A sample agent-console page (a CRM customer list) to try Loro's in-page overlay on: the
 * launcher, and a "WhatsApp" button next to each phone number (BY-2). No script of its own.
 */
export function demoConsolePage(): string {
  const customers = [
    ['Lucía Pérez', '+34 699 000 111', 'Order A-2001 delayed'],
    ['John Carter', '+1 (614) 555-0142', 'Asked for a call back'],
    ['Ana Souza', '+55 11 91234-5678', 'Invoice question'],
  ];
  const rows = customers
    .map(([name, phone, note]) => `<tr><td>${name}</td><td class="phone">${phone}</td><td>${note}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Acme CRM · Customers (Loro demo console)</title>
<style>
  body { margin: 0; font: 14px/1.5 Georgia, serif; background: #fbfaf7; color: #222; }
  header { background: #3b3b58; color: #fff; padding: 12px 24px; font: 600 16px system-ui, sans-serif; }
  main { padding: 24px; max-width: 900px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { border-bottom: 1px solid #ddd; padding: 10px; text-align: left; }
</style>
</head>
<body>
<header>Acme CRM — Customers</header>
<main>
  <p>A sample agent console: Loro adds its launcher and a WhatsApp button next to each number.</p>
  <table data-testid="customers"><thead><tr><th>Customer</th><th>Phone</th><th>Last note</th></tr></thead><tbody>${rows}</tbody></table>
</main>
</body>
</html>`;
}
