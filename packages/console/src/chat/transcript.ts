import type { AgentChatTranscript } from '@kontakt/core/agent';
import type { ChatMessage } from '@kontakt/core/schemas';
import type { TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { base, tokens } from '../styles/tokens.js';
import type { ChatTexts } from './texts.js';
import { CHAT_TEXTS } from './texts.js';

/**
 * A chat case's transcript in the case view: every message in order with who wrote it and when,
 * the server's lines in the console's words; all as text. Its own chunk, loaded only for a chat
 * case.
 *
 * @summary A chat case's transcript.
 */
export class KcChatTranscript extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    css`
      h2 {
        font-size: 1.25rem;
        margin-block: var(--_space-m) var(--_space-s);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space-s);
      }
      li {
        padding-block-end: var(--_space-s);
        border-block-end: 1px solid var(--_color-border);
      }
      .meta {
        margin: 0;
        font-size: 0.875rem;
        color: var(--_color-text-muted);
      }
      .text {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        unicode-bidi: plaintext;
      }
    `,
  ];

  static override properties = {
    transcript: { attribute: false },
    citizenName: { attribute: false },
  };

  transcript: AgentChatTranscript | undefined;
  /** The citizen's name on the case, if they gave one. */
  citizenName: string | null | undefined;

  private get ct(): ChatTexts {
    return CHAT_TEXTS[this.l10n.locale];
  }

  protected override render(): TemplateResult | typeof nothing {
    const transcript = this.transcript;
    if (!transcript) return nothing;
    return html`<section aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">${this.ct.transcript.heading}</h2>
      ${
        transcript.messages.length === 0
          ? html`<p>${this.ct.transcript.none}</p>`
          : html`<ol>
            ${transcript.messages.map((message) => this.renderMessage(message))}
          </ol>`
      }
    </section>`;
  }

  private renderMessage(message: ChatMessage): TemplateResult {
    const ct = this.ct;
    const author =
      message.role === 'citizen'
        ? (this.citizenName ?? ct.citizen)
        : message.role === 'agent'
          ? (message.authorName ?? ct.you)
          : '';
    const text =
      message.role === 'system' && message.system
        ? ct.conversation.system[message.system]
        : message.text;
    const time = html`<time datetime=${message.sentAt}>${this.l10n.dateTime(message.sentAt)}</time>`;
    return html`<li>
      <p class="meta">${author ? html`${author} · ` : nothing}${time}</p>
      <p class="text" dir="auto">${text}</p>
    </li>`;
  }
}
