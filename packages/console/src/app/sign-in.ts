import type { AgentClient, AgentSession } from '@kontakt/core/agent';
import type { TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { errorCode } from '../internal/errors.js';
import { base, tokens } from '../styles/tokens.js';

type Field = 'username' | 'password';

/**
 * The sign-in form: an account's id or e-mail address and its password. Fires `kc-signed-in`
 * (`detail`: the session) once the server has set the session cookie. Errors are read out and
 * shown next to what they are about; after too many failures it says how long to wait.
 *
 * @summary Sign-in with a local account.
 * @event kc-signed-in - Signed in; `detail` is the `AgentSession`.
 */
export class KcSignIn extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    css`
      form {
        max-inline-size: 28rem;
      }
      input {
        inline-size: 100%;
      }
      .problem {
        padding: var(--_space-s) var(--_space-m);
        border-inline-start: 4px solid var(--_color-danger);
        background: var(--_color-surface-raised);
      }
      .problem:empty {
        display: none;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    submitting: { state: true },
    problem: { state: true },
    missing: { state: true },
  };

  client: AgentClient | undefined;
  protected submitting = false;
  /** What went wrong, said at the top of the form (an alert, so it is read at once). */
  protected problem = '';
  /** Fields left empty at the last try. */
  protected missing: Field[] = [];

  private field(name: Field): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${name}`);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting || !this.client) return;
    const username = this.field('username')?.value.trim() ?? '';
    const password = this.field('password')?.value ?? '';
    this.missing = [
      ...(username ? [] : (['username'] as const)),
      ...(password ? [] : (['password'] as const)),
    ];
    this.problem = '';
    if (this.missing.length > 0) {
      await this.updateComplete;
      this.field(this.missing[0] as Field)?.focus();
      return;
    }
    this.submitting = true;
    try {
      const session = await this.client.session.signIn({ username, password });
      this.dispatchEvent(
        new CustomEvent<AgentSession>('kc-signed-in', {
          detail: session,
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.problem = this.describe(error);
      const passwordField = this.field('password');
      if (passwordField) passwordField.value = '';
    } finally {
      this.submitting = false;
    }
  }

  private describe(error: unknown): string {
    const t = this.l10n.t.signIn;
    switch (errorCode(error)) {
      case 'invalid_credentials':
      case 'unauthorized':
      case 'validation_failed':
        return t.wrong;
      case 'rate_limited': {
        const wait = (error as { retryAfter?: number }).retryAfter ?? 60_000;
        return t.rateLimited(Math.max(1, Math.ceil(wait / 60_000)));
      }
      case 'network_error':
      case 'timeout':
        return t.unreachable;
      default:
        return t.failed;
    }
  }

  protected override render(): TemplateResult {
    const t = this.l10n.t.signIn;
    return html`
      <form novalidate @submit=${this.submit}>
        <div class="problem" role="alert">${this.problem}</div>
        ${this.renderField('username', t.username, 'text', 'username')}
        ${this.renderField('password', t.password, 'password', 'current-password')}
        <button type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? t.submitting : t.submit}
        </button>
      </form>
    `;
  }

  private renderField(
    name: Field,
    label: string,
    type: string,
    autocomplete: string,
  ): TemplateResult {
    const invalid = this.missing.includes(name);
    return html`
      <div class="field">
        <label for=${name}>${label}</label>
        <input
          id=${name}
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          required
          aria-required="true"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${name}-error` : nothing}
          spellcheck="false"
          autocapitalize="none"
        />
        ${
          invalid
            ? html`<p class="error" id=${`${name}-error`}>${this.l10n.t.signIn.required}</p>`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'kc-signed-in': CustomEvent<AgentSession>;
  }
}
