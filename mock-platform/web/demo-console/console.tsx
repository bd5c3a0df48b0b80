/** The sample console's customers: names and numbers in the formats agents' CRMs show them. */
export const CUSTOMERS = [
  { name: 'Lucía Pérez', phone: '+34 699 000 111', note: 'Order A-2001 delayed' },
  { name: 'John Carter', phone: '+1 (614) 555-0142', note: 'Asked for a call back' },
  { name: 'Ana Souza', phone: '+55 11 91234-5678', note: 'Invoice question' },
] as const;

/**
 * A sample agent-console page (a CRM customer list) to try Loro's in-page overlay on: the
 * launcher, and a "WhatsApp" button next to each phone number (BY-2). It stands for a third
 * party's page, so it has no Loro code and only its own (English) words.
 */
export function DemoConsole() {
  return (
    <>
      <header>Acme CRM — Customers</header>
      <main>
        <p>A sample agent console: Loro adds its launcher and a WhatsApp button next to each number.</p>
        <table data-testid="customers">
          <thead>
            <tr>
              <th>Customer</th>
              <th>Phone</th>
              <th>Last note</th>
            </tr>
          </thead>
          <tbody>
            {CUSTOMERS.map(({ name, phone, note }) => (
              <tr key={phone}>
                <td>{name}</td>
                <td class="phone">{phone}</td>
                <td>{note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
