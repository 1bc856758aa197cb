import type { PublicCase } from '@kontakt/core/schemas';
import { PublicCaseSchema } from '@kontakt/core/schemas';

/** One `case.changed` event of a case's public stream: its id and the case after the change. */
export interface CaseChange {
  id: string;
  case: PublicCase;
}

/**
 * Reads a case's public event stream (`GET /v1/cases/{reference}/stream`) until `enough`: that
 * many `case.changed` events, or a test of those read so far; or until `timeoutMs` passed. Then
 * lets go of the stream.
 */
export async function readCaseChanges(
  response: Response,
  enough: number | ((found: readonly CaseChange[]) => boolean),
  timeoutMs = 10_000,
): Promise<CaseChange[]> {
  const done =
    typeof enough === 'number' ? (found: readonly CaseChange[]) => found.length >= enough : enough;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const found: CaseChange[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    while (!done(found) && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<undefined>((resolve) => setTimeout(resolve, deadline - Date.now())),
      ]);
      if (!next || next.done) break;
      text += decoder.decode(next.value, { stream: true });
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      for (const block of blocks) {
        const lines = block.split('\n');
        if (!lines.includes('event: case.changed')) continue;
        const id = lines.find((line) => line.startsWith('id: '))?.slice(4) ?? '';
        const data = lines.find((line) => line.startsWith('data: '))?.slice(6) ?? '';
        found.push({ id, case: PublicCaseSchema.parse(JSON.parse(data)) });
      }
    }
    return found;
  } finally {
    await reader.cancel().catch(() => {});
  }
}
