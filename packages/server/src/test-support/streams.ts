import type { PublicCase } from '@kontakt/core/schemas';
import { PublicCaseSchema } from '@kontakt/core/schemas';

/**
 * Reads a case's public event stream (`GET /v1/cases/{reference}/stream`) until `count`
 * `case.changed` events arrived, or `timeoutMs` passed; then lets go of the stream.
 */
export async function readCaseChanges(
  response: Response,
  count: number,
  timeoutMs = 10_000,
): Promise<{ id: string; case: PublicCase }[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const found: { id: string; case: PublicCase }[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    while (found.length < count && Date.now() < deadline) {
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
