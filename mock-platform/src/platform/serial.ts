/**
 * Runs tasks one after another. Conversation, offer and agent-state changes are
 * read-modify-write sequences over several records; running them in one queue keeps them from
 * interleaving (an offer made twice, a message lost between two updates of a conversation).
 * Independent writes outside the queue are still grouped by the store's group commit.
 */
export class Serial {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
