import type { AgentSession, AgentSessionClient, SignInMethods } from '@kontakt/core/agent';
import type { PropertyValues, TemplateResult } from 'lit';
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
      .oidc {
        display: inline-block;
        padding: var(--_space-s) var(--_space-m);
        border-radius: var(--_radius);
        background: var(--_color-primary);
        color: var(--_color-on-primary);
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    submitting: { state: true },
    problem: { state: true },
    missing: { state: true },
    methods: { state: true },
  };

  /** The client to sign in with: its session part is all the form uses (an `AgentClient` will do). */
  client: AgentSessionClient | undefined;
  protected submitting = false;
  /** What went wrong, said at the top of the form (an alert, so it is read at once). */
  protected problem = '';
  /** Fields left empty at the last try. */
  protected missing: Field[] = [];
  /**
   * How the server lets staff sign in; until it has said (or if it cannot), the password form
   * is shown, as it is what the embedded default and the demo use.
   */
  protected methods: SignInMethods | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client') && this.client) void this.loadMethods(this.client);
  }

  private async loadMethods(client: AgentSessionClient): Promise<void> {
    try {
      this.methods = await client.session.methods();
    } catch {
      // The password form it is; signing in says what is wrong if the server is away.
    }
  }

  /**
   * The identity provider's sign-in, which comes back to this console page (`returnTo`). The
   * login URL is a path on the server, so it is put under the client's endpoint.
   */
  private oidcHref(loginUrl: string): string | undefined {
    if (!this.client) return undefined;
    const url = URL.canParse(loginUrl)
      ? new URL(loginUrl)
      : new URL(`${this.client.endpoint}/${loginUrl.replace(/^\/+/, '')}`);
    url.searchParams.set('returnTo', `${location.pathname}${location.search}`);
    return url.href;
  }

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
    const oidc = this.methods?.oidc ? this.oidcHref(this.methods.oidc.loginUrl) : undefined;
    const local = this.methods?.local !== false;
    return html`
      ${oidc ? html`<p><a class="oidc" href=${oidc}>${this.l10n.t.oidcSignIn.link}</a></p>` : nothing}
      ${oidc && local ? html`<p>${this.l10n.t.oidcSignIn.or}</p>` : nothing}
      ${local ? this.renderForm() : nothing}
    `;
  }

  private renderForm(): TemplateResult {
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
