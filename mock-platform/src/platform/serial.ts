/**
 * Runs tasks one after another. Conversation, offer and agent-state changes are
 * read-modify-write sequences over several records; running them in one queue keeps them from
 * interleaving (an offer made twice, a message lost between two updates of a conversation).
 * Domain code does not use it directly: `mutate` (mutation.ts) holds it only while a change is
 * decided and applied, and awaits the change's durability after releasing it.
 */
export class Serial {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
