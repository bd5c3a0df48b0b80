import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { initials } from '../../shared/initials.ts';
import { t } from '../utils/i18n.ts';

/** The agent's conversations: customer, last message, and which one is open. */
export function TaskList({
  conversations,
  messages,
  selectedId,
  onSelect,
  available,
}: {
  conversations: ConversationView[];
  messages: Record<string, MessageView[]>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  available: boolean;
}) {
  if (conversations.length === 0) {
    return (
      <p class="empty" data-testid="no-tasks">
        {available ? t('noTasksAvailable') : t('noTasks')}
      </p>
    );
  }
  return (
    <nav class="tasks" aria-label={t('tasks')}>
      {conversations.map((conversation) => {
        const last = messages[conversation.id]?.at(-1);
        return (
          <button
            type="button"
            key={conversation.id}
            class={`task ${conversation.id === selectedId ? 'selected' : ''}`}
            aria-current={conversation.id === selectedId}
            onClick={() => onSelect(conversation.id)}
            data-testid="task"
          >
            <span class="avatar" aria-hidden="true">
              {initials(conversation.customerName)}
            </span>
            <span class="task-text">
              <span class="task-title">{conversation.customerName}</span>
              <span class="task-preview">{last?.text ?? conversation.customerNumber}</span>
            </span>
          </button>
        );
      })}
    </nav>
  );
}
