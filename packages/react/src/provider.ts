import '@kontakt/widgets/define/provider';
import { KcProvider } from '@kontakt/widgets';
import { createComponent } from '@lit/react';
import * as React from 'react';

/**
 * `<kc-provider>` as a React component: names the contact center (and the department) once for
 * every kontakt widget rendered inside it. `client` (a `createClient` from `@kontakt/core`) is
 * set as a property; a widget's own props win, each on its own.
 *
 * @example
 * <Provider endpoint="https://kontakt.example.se" department="gata">
 *   <Notice />
 *   <ContactForm />
 * </Provider>
 */
export const Provider = createComponent({
  tagName: 'kc-provider',
  elementClass: KcProvider,
  react: React,
  displayName: 'Provider',
});
