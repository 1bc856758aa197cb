// Checking what the person wrote: errors on the fields and in the summary, the server's field
// errors, and the message field's warning and character count.
import { MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH } from '@kontakt/core';
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { KcErrorEvent } from '../../events/error.js';
import {
  active,
  choose,
  fill,
  fillValid,
  gata,
  loaded,
  PERSONAL_IDENTITY_NUMBER,
  query,
  renderForm,
  server,
  setUpContactFormTests,
  submit,
  text,
  wrapClient,
} from '../../test-support/contact-form-fixture.js';
import { countCases } from '../../test-support/kontakt-server.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests();

describe('<kc-contact-form>', () => {
  it('shows, links and announces the errors of an empty form and sends nothing', async () => {
    const element = await loaded(await renderForm());
    const before = await countCases(server);
    let submits = 0;
    element.addEventListener('kc-submit', () => submits++);
    await submit(element);

    expect(element.matches(':state(invalid)')).to.be.true;
    const summary = query(element, '[part~="error-summary"]');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(text(element, '[part~="error-summary"] h2')).to.equal(
      'Rätta 3 uppgifter innan du skickar',
    );
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent?.trim());
    expect(links).to.deep.equal([
      'Välj vad din fråga gäller.',
      'Skriv din fråga.',
      'Välj hur du vill få svar.',
    ]);
    expect(active(element)?.id).to.equal('topic', 'focus moves to the first error');
    for (const id of ['topic', 'message']) {
      const control = query(element, `#${id}`);
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      expect(control.getAttribute('aria-describedby')?.split(' ')).to.include(`${id}-error`);
    }
    expect(text(element, '#topic-error')).to.equal('Välj vad din fråga gäller.');
    expect(query(element, 'fieldset').getAttribute('aria-describedby')).to.contain(
      'answerChannel-error',
    );

    summary.querySelectorAll('a')[1]?.click();
    expect(active(element)?.id).to.equal('message', 'a summary link moves focus to its field');
    summary.querySelectorAll('a')[2]?.click();
    expect(active(element)?.id).to.equal('answerChannel-email');

    await expect(element).to.be.accessible();
    expect(submits).to.equal(0);
    expect(await countCases(server)).to.equal(before);
  });

  const cases: Array<{
    name: string;
    setup: (element: KcContactForm) => Promise<void>;
    field: string;
    error: string;
  }> = [
    {
      name: 'an e-mail address is required for an e-mail answer',
      setup: (element) => fill(element, 'email', ''),
      field: 'email',
      error: 'Skriv din e-postadress så att vi kan svara dig.',
    },
    {
      name: 'an e-mail address must look like one',
      setup: (element) => fill(element, 'email', 'anna.svensson@'),
      field: 'email',
      error: 'Skriv e-postadressen som namn@exempel.se.',
    },
    {
      name: 'a phone number is required for a call back',
      setup: (element) => choose(element, 'answerChannel-phone'),
      field: 'phone',
      error: 'Skriv ditt telefonnummer så att vi kan ringa upp dig.',
    },
    {
      name: 'a phone number must have digits',
      setup: async (element) => {
        await choose(element, 'answerChannel-phone');
        await fill(element, 'phone', 'ring mig');
      },
      field: 'phone',
      error: 'Skriv ett telefonnummer med minst 6 siffror, till exempel 070-123 45 67.',
    },
    {
      name: 'a visit needs a phone number or an e-mail address',
      setup: async (element) => {
        await choose(element, 'answerChannel-visit');
        await fill(element, 'email', '');
      },
      field: 'phone',
      error: 'Skriv ett telefonnummer eller en e-postadress så att vi kan boka en tid med dig.',
    },
    {
      name: 'an interpreter needs a language',
      setup: (element) => choose(element, 'needs-interpreter'),
      field: 'interpreterLanguage',
      error: 'Skriv vilket språk tolken ska tala.',
    },
    {
      name: 'the message has a maximum length',
      setup: (element) => fill(element, 'message', 'a'.repeat(MESSAGE_MAX_LENGTH + 1)),
      field: 'message',
      error: `Texten får vara högst ${MESSAGE_MAX_LENGTH} tecken. Korta den lite.`,
    },
    {
      name: 'the name has a maximum length',
      setup: (element) => fill(element, 'name', 'N'.repeat(NAME_MAX_LENGTH + 1)),
      field: 'name',
      error: `Texten får vara högst ${NAME_MAX_LENGTH} tecken. Korta den lite.`,
    },
  ];

  for (const each of cases) {
    it(`explains on the field that ${each.name}`, async () => {
      const element = await loaded(await renderForm());
      await fillValid(element);
      await each.setup(element);
      await submit(element);
      expect(text(element, `#${each.field}-error`)).to.equal(each.error);
      expect(query(element, `#${each.field}`).getAttribute('aria-invalid')).to.equal('true');
      expect(query(element, `#${each.field}`).getAttribute('aria-describedby')).to.contain(
        `${each.field}-error`,
      );
      expect(text(element, '[part~="error-summary"] a')).to.equal(each.error);
      expect(active(element)?.id).to.equal(each.field);
    });
  }

  it('shows a field error from the server (422) on its field', async () => {
    // The department removed a topic after the page loaded: the server refuses it.
    const client = wrapClient(gata(), {
      department: (department) => ({
        ...department,
        categories: [...department.categories, { id: 'borttaget', name: { sv: 'Borttaget ämne' } }],
      }),
    });
    const element = await loaded(await renderForm({ client }));
    await fillValid(element);
    await fill(element, 'topic', 'borttaget');
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    const { error } = await failed;
    expect(error.status).to.equal(422);
    await element.updateComplete;
    expect(text(element, '#topic-error')).to.equal('Ämnet finns inte längre. Välj ett annat ämne.');
    expect(query(element, '#topic').getAttribute('aria-invalid')).to.equal('true');
    expect(active(element)?.id).to.equal('topic');
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Hur söker jag boendeparkering?',
    );
  });

  it('warns when the message seems to hold a personal identity number', async () => {
    const element = await loaded(await renderForm());
    await fill(element, 'message', 'Hej');
    expect(text(element, '[part~="warning"]')).to.equal('');
    await fill(element, 'message', `Mitt personnummer är ${PERSONAL_IDENTITY_NUMBER}.`);
    expect(text(element, '[part~="warning"]')).to.contain('personnummer');
    expect(query(element, '#message').getAttribute('aria-describedby')).to.contain(
      'message-warning',
    );
    expect(query(element, '[part~="warning"]').getAttribute('aria-live')).to.equal('polite');
    expect(text(element, '[part~="notice"]')).to.contain('allmän handling');
  });

  it('counts characters and announces what is left near the limit', async () => {
    const element = await loaded(await renderForm());
    await fill(element, 'message', 'Hej');
    expect(text(element, '[part~="character-count"]')).to.equal(
      `3 av ${MESSAGE_MAX_LENGTH} tecken`,
    );
    await fill(element, 'message', 'a'.repeat(MESSAGE_MAX_LENGTH - 10));
    expect(text(element, '[part~="character-count"]')).to.equal('Du har 10 tecken kvar.');
    await waitUntil(
      () => text(element, '[aria-live="polite"].visually-hidden') === 'Du har 10 tecken kvar.',
      'the count is announced once typing pauses',
      { timeout: 5000 },
    );
  });
});
