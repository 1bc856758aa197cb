/**
 * `cem analyze` configuration: the Custom Elements Manifest (custom-elements.json) is generated from
 * the components' JSDoc, which is the API contract; React wrappers, Storybook and docs read it.
 */

/**
 * Internal reactive state (`static properties = { values: { state: true } }`) is private: the
 * analyzer lists it as attributes all the same, so attributes of private members are dropped.
 */
function publicAttributesOnly() {
  return {
    name: 'kontakt-public-attributes-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.attributes) continue;
          const hidden = new Set(
            (declaration.members ?? [])
              .filter((member) => member.privacy === 'private' || member.privacy === 'protected')
              .map((member) => member.name),
          );
          declaration.attributes = declaration.attributes.filter(
            (attribute) => !hidden.has(attribute.fieldName ?? attribute.name),
          );
        }
      }
    },
  };
}

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(value))` calls and names them
 * after the argument. Only events documented with `@event` are API, so the guesses are dropped.
 */
function documentedEventsOnly() {
  return {
    name: 'kontakt-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter(
            (event) => event.name && event.description,
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.styles.ts',
    'src/**/*.model.ts',
    'src/**/*.fields.ts',
    'src/test-support/**',
  ],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [documentedEventsOnly(), publicAttributesOnly()],
};
