import '@kontakt/widgets/define/notice';
import type { KontaktError, Notice } from '@kontakt/core';
import type { NoticeSource } from '@kontakt/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from './until.js';

interface NoticeArgs {
  lang: string;
  notices: Notice[];
}

/** The page's own way in, written inside the tag: shown until the notices are known and when they cannot be read. */
const fallback = html`<a href="https://example.se/storningar">Aktuella störningar</a>`;

const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
let count = 0;
const id = () => `n_${String(++count).padStart(20, '0')}`;

/** A notice active now for every department, in all four languages. */
function notice(
  severity: Notice['severity'],
  title: Notice['title'],
  text: Notice['text'],
): Notice {
  return {
    id: id(),
    severity,
    title,
    text,
    departments: 'all',
    startsAt: hourAgo,
    endsAt: null,
    updatedAt: hourAgo,
  };
}

const info = notice(
  'info',
  {
    sv: 'Nya öppettider i kontaktcenter',
    en: 'New opening hours at the contact center',
    fi: 'Yhteyskeskuksen uudet aukioloajat',
    ar: 'مواعيد عمل جديدة لمركز الاتصال',
  },
  {
    sv: 'Från 1 mars har vi öppet 08.00–18.00 på vardagar.',
    en: 'From 1 March we are open 08.00–18.00 on weekdays.',
    fi: '1. maaliskuuta alkaen olemme avoinna arkisin 8.00–18.00.',
    ar: 'اعتبارًا من 1 مارس نفتح من 08.00 إلى 18.00 في أيام العمل.',
  },
);
const warning = notice(
  'warning',
  {
    sv: 'Vägarbete på Storgatan',
    en: 'Roadworks on Storgatan',
    fi: 'Tietöitä Storgatanilla',
    ar: 'أعمال طرق في شارع ستورغاتان',
  },
  {
    sv: 'Storgatan är avstängd mellan Torget och Parkgatan till fredag. Ta vägen via Parkgatan.',
    en: 'Storgatan is closed between Torget and Parkgatan until Friday. Go via Parkgatan.',
    fi: 'Storgatan on suljettu Torgetin ja Parkgatanin välillä perjantaihin asti. Kulje Parkgatanin kautta.',
    ar: 'شارع ستورغاتان مغلق بين توريت وباركغاتان حتى يوم الجمعة. استخدم طريق باركغاتان.',
  },
);
const danger = notice(
  'danger',
  {
    sv: 'Koka dricksvattnet',
    en: 'Boil your drinking water',
    fi: 'Keitä juomavesi',
    ar: 'اغلِ مياه الشرب',
  },
  {
    sv: 'I centrala staden ska dricksvattnet kokas tills vidare. Mer information kommer i eftermiddag.',
    en: 'In the city centre, drinking water must be boiled until further notice. More information this afternoon.',
    fi: 'Keskustassa juomavesi on keitettävä toistaiseksi. Lisätietoja iltapäivällä.',
    ar: 'في وسط المدينة يجب غلي مياه الشرب حتى إشعار آخر. مزيد من المعلومات بعد الظهر.',
  },
);

/** A source that gives these notices at once: stories reach no server. */
const fixed =
  (notices: readonly Notice[]): NoticeSource =>
  (_endpoint, _department, { onChange }) => {
    queueMicrotask(() => onChange(notices));
    return { close: () => {} };
  };

/**
 * `<kc-notice>`, its notices given by the story (`.source`, the same interface as `watchNotices`):
 * stories reach no server. `npm start` and the demo pages show it against a real one.
 */
const meta: Meta<NoticeArgs> = {
  title: 'Widgets/Notice',
  component: 'kc-notice',
  args: { lang: 'sv', notices: [info] },
  argTypes: { lang: { control: 'inline-radio', options: ['sv', 'en', 'fi', 'ar', 'sv-simple'] } },
  render: ({ lang, notices }) =>
    html`<p>Sidans innehåll före.</p>
      <kc-notice endpoint="https://kontakt.example.se" department="gata" lang=${lang} .source=${fixed(notices)}
        >${fallback}</kc-notice
      >
      <p>Sidans innehåll efter: utan meddelande flyttas inget.</p>`,
};
export default meta;

type Story = StoryObj<NoticeArgs>;

/** `:state(none)`: no notice; nothing is shown and the element takes no space. */
export const None: Story = { args: { notices: [] } };

/** `:state(shown)`: a service notice, read out politely when it arrives while the page is open. */
export const Info: Story = {};

export const Warning: Story = { args: { notices: [warning] } };

/** `:state(danger)`: a crisis notice, read out as an alert. */
export const Danger: Story = { args: { notices: [danger] } };

/** Most serious first, then the newest. */
export const Several: Story = { args: { notices: [info, warning, danger] } };

export const English: Story = { args: { lang: 'en', notices: [danger, warning] } };

export const Finnish: Story = { args: { lang: 'fi', notices: [danger, warning] } };

/** Right to left: the layout mirrors. */
export const Arabic: Story = { args: { lang: 'ar', notices: [danger, warning, info] } };

/** The person hid the warning (its hide button is pressed by the story): only the info shows. */
export const Hidden: Story = {
  args: { notices: [warning, info] },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('kc-notice');
    await until(() => element?.matches(':state(shown)'), 'no notice shown');
    element?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="hide-button"]')?.click();
  },
};

/** `:state(loading)`: the notices are not known yet (here they never arrive): the page's own content shows. */
export const Loading: Story = {
  render: () =>
    html`<kc-notice endpoint="https://kontakt.example.se" department="gata" .source=${(() => ({ close: () => {} })) as NoticeSource}
      >${fallback}</kc-notice
    >`,
};

/** `:state(load-error)`: the server cannot be reached on the first load: the page's own content shows. */
export const ServerUnreachable: Story = {
  render: () => {
    const unreachable: NoticeSource = (_endpoint, _department, { onError }) => {
      const error = Object.assign(new Error('Failed to fetch'), { code: 'network_error' });
      queueMicrotask(() => onError?.(error as unknown as KontaktError, true));
      return { close: () => {} };
    };
    return html`<kc-notice endpoint="https://kontakt.example.se" department="gata" .source=${unreachable}
      >${fallback}</kc-notice
    >`;
  },
};

/** Themed by the host page through `--kc-*` tokens. */
export const Themed: Story = {
  args: { notices: [danger, info] },
  render: ({ lang, notices }) => html`
    <div style="--kc-radius: 0; --kc-font-family: Georgia, serif; --kc-notice-info-surface: #f0f0f0">
      <kc-notice endpoint="https://kontakt.example.se" department="gata" lang=${lang} .source=${fixed(notices)}></kc-notice>
    </div>
  `,
};
