/**
 * An HTTP answer with what differs per request by design left out (its `instance` id, the request
 * id, the date, the general limit's count): two answers that must tell nothing apart from each
 * other (an unknown case, a wrong token) compare equal.
 */
export async function comparable(answer: Response) {
  const body = (await answer.json()) as Record<string, unknown>;
  const { instance: _instance, ...rest } = body;
  const headers = [...answer.headers.entries()].filter(
    ([name]) => !['x-request-id', 'date', 'ratelimit-remaining', 'ratelimit-reset'].includes(name),
  );
  return { status: answer.status, body: rest, headers };
}
