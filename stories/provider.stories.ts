import '@kontakt/widgets/define/contact-form';
import '@kontakt/widgets/define/notice';
import '@kontakt/widgets/define/provider';
import type { Notice } from '@kontakt/core';
import type { NoticeSource } from '@kontakt/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface ProviderArgs {
  endpoint: string;
  department: string;
  lang: string;
}

const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
const words = (text: string) => ({ sv: text, en: text, fi: text, ar: text });

/** One notice for every department, given at once: the notice reaches no server in a story. */
const oneNotice: NoticeSource = (_endpoint, _department, { onChange }) => {
  const notice: Notice = {
    id: 'n_00000000000000000001',
    severity: 'info',
    title: words('Nya öppettider i kontaktcenter'),
    text: words('Från 1 mars har vi öppet 08.00–18.00 på vardagar.'),
    departments: 'all',
    startsAt: hourAgo,
    endsAt: null,
    updatedAt: hourAgo,
  };
  queueMicrotask(() => onChange([notice]));
  return { close: () => {} };
};

/**
 * `<kc-provider>` names the contact center (and the department) once for every widget inside
 * it; the widgets name nothing themselves. It renders nothing of its own and takes no box.
 * The contact form reaches the server `npm start` runs.
 */
const meta: Meta<ProviderArgs> = {
  title: 'Widgets/Provider',
  component: 'kc-provider',
  args: { endpoint: 'http://localhost:8080', department: 'gata', lang: 'sv' },
  argTypes: { lang: { control: 'inline-radio', options: ['sv', 'en', 'fi', 'ar'] } },
  render: ({ endpoint, department, lang }) =>
    html`<kc-provider endpoint=${endpoint} department=${department} lang=${lang}>
      <kc-notice .source=${oneNotice}></kc-notice>
      <kc-contact-form><p>Ring kontaktcenter på 040-628 04 00.</p></kc-contact-form>
    </kc-provider>`,
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** A notice and a contact form, both configured by the provider around them. */
export const SeveralWidgets: Story = {};

/** The provider names the endpoint only; each widget names its own department. */
export const EndpointOnly: Story = {
  render: ({ endpoint, lang }) =>
    html`<kc-provider endpoint=${endpoint} lang=${lang}>
      <kc-contact-form department="skola"><p>Ring kontaktcenter på 040-628 04 00.</p></kc-contact-form>
    </kc-provider>`,
};

/** Everything inside follows the provider's `lang`, here right to left. */
export const Arabic: Story = { args: { lang: 'ar' } };
