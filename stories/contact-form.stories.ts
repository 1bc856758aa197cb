import '@kontakt/widgets/define/contact-form';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface ContactFormArgs {
  endpoint: string;
  department: string;
  lang: string;
}

/**
 * `<kc-contact-form>` against a running contact-center server: start one with `npm start`
 * (it allows this Storybook's origin, http://localhost:6006, in examples/demo/departments.json).
 */
const meta: Meta<ContactFormArgs> = {
  title: 'Widgets/Contact form',
  component: 'kc-contact-form',
  args: { endpoint: 'http://localhost:8080', department: 'gata', lang: 'sv' },
  argTypes: {
    department: { control: 'select', options: ['gata', 'skola', 'bygglov'] },
    lang: { control: 'inline-radio', options: ['sv', 'en'] },
  },
  render: ({ endpoint, department, lang }) =>
    html`<kc-contact-form endpoint=${endpoint} department=${department} lang=${lang}></kc-contact-form>`,
};
export default meta;

type Story = StoryObj<ContactFormArgs>;

export const Swedish: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const School: Story = { args: { department: 'skola' } };

/** A server that cannot be reached: the form shows how to try again. */
export const ServerUnreachable: Story = { args: { endpoint: 'http://127.0.0.1:9' } };

/** Themed by the host page through `--kc-*` tokens. */
export const Themed: Story = {
  render: ({ endpoint, department, lang }) => html`
    <div style="--kc-color-primary: #6b2c91; --kc-radius: 0; --kc-font-family: Georgia, serif">
      <kc-contact-form endpoint=${endpoint} department=${department} lang=${lang}></kc-contact-form>
    </div>
  `,
};
