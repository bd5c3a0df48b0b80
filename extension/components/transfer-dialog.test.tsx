// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TransferTargets } from '../../shared/api/schemas.ts';
import { TransferDialog } from './transfer-dialog.tsx';

beforeAll(() => {
  // happy-dom's <dialog> has no showModal.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(cleanup);

const targets: TransferTargets = {
  queues: [],
  agents: [
    { id: 'u1', displayName: 'Bruno Agent', state: 'available', hasRoom: true, cannotTake: 'reply_not_in_role' },
    { id: 'u2', displayName: 'Carla Agent', state: 'available', hasRoom: true, cannotTake: 'channel_not_in_role' },
    { id: 'u3', displayName: 'Dani Agent', state: 'available', hasRoom: true },
  ],
};

const shown = async () =>
  (await screen.findAllByTestId('transfer-target')).map((input) => [
    input.closest('label')?.querySelector('.target-name')?.textContent,
    (input as HTMLInputElement).disabled,
    input.closest('label')?.querySelector('[data-testid="transfer-target-meta"]')?.textContent,
  ]);

describe('the transfer dialog', () => {
  it('greys out agents whose role cannot take the conversation, saying why', async () => {
    render(<TransferDialog load={async () => targets} onSubmit={async () => undefined} onCancel={() => undefined} />);
    expect(await shown()).toEqual([
      ['Bruno Agent', true, 'Cannot reply on this channel'],
      ['Carla Agent', true, 'Their role lacks this channel'],
      ['Dani Agent', false, 'Available'],
    ]);
  });

  it('for a conference, only the channel matters: a guest without Reply can still be invited', async () => {
    render(
      <TransferDialog
        blocking={['channel_not_in_role']}
        load={async () => targets}
        onSubmit={async () => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(await shown()).toEqual([
      ['Bruno Agent', false, 'Available'],
      ['Carla Agent', true, 'Their role lacks this channel'],
      ['Dani Agent', false, 'Available'],
    ]);
  });
});
