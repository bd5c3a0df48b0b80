import type { AgentError } from '../utils/agent-error.ts';

/** An action that failed: what and why in plain words, the platform's or Meta's code small below. */
export function ErrorNote({ error, testId }: { error: AgentError; testId?: string }) {
  return (
    <p class="form-error" role="alert" data-testid={testId}>
      {error.text}
      {error.detail && (
        <small class="error-detail" data-testid="error-detail">
          {error.detail}
        </small>
      )}
    </p>
  );
}
