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
 * Members documented `@internal` are not API: a widget shares them with its own chunks loaded
 * later (e.g. the fault report's state with `FaultFlow`). The analyzer leaves such a field out,
 * but lists it again, and as an attribute, from `static properties`; both go here.
 */
function internalMembersHidden() {
  /** Class name → names of its `@internal` members. */
  const internal = new Map();
  return {
    name: 'kontakt-internal-members-hidden',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set();
      for (const member of node.members) {
        const tagged = ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'internal');
        if (tagged && member.name && ts.isIdentifier(member.name)) names.add(member.name.text);
      }
      if (names.size) internal.set(node.name.text, names);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const names = internal.get(declaration.name);
          if (!names) continue;
          declaration.members = declaration.members?.filter((member) => !names.has(member.name));
          declaration.attributes = declaration.attributes?.filter(
            (attribute) => !names.has(attribute.fieldName ?? attribute.name),
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
  plugins: [documentedEventsOnly(), publicAttributesOnly(), internalMembersHidden()],
};
