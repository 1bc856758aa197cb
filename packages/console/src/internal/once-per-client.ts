import type { AgentClient } from '@kontakt/core/agent';

/**
 * `load`, asked once per client: for configuration, which changes only with a restart (the
 * departments, the letterhead). A failure is not remembered: the next call asks again.
 */
export function oncePerClient<T>(
  load: (client: AgentClient) => Promise<T>,
): (client: AgentClient) => Promise<T> {
  const loaded = new WeakMap<AgentClient, Promise<T>>();
  return (client) => {
    let answer = loaded.get(client);
    if (!answer) {
      answer = load(client);
      answer.catch(() => loaded.delete(client));
      loaded.set(client, answer);
    }
    return answer;
  };
}
