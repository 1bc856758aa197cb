// The floor: the least a Lit web component costs a page (Lit itself, one shadow root, one render).
import { css, html, LitElement } from 'lit';

class BenchHello extends LitElement {
  static styles = css`
    p {
      font: 1rem/1.5 system-ui, sans-serif;
    }
  `;

  render() {
    return html`<p part="text">Hej! Skriv till oss.</p>`;
  }
}

customElements.define('bench-hello', BenchHello);
