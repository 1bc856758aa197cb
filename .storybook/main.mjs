// Storybook for the widgets: every widget and state as a story (stories/<widget>.stories.ts).
/** @type {import('@storybook/web-components-vite').StorybookConfig} */
export default {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(config) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    // Stories import the widgets' TypeScript source, as the tests do.
    return mergeConfig(config, {
      resolve: { conditions: ['@kontakt/source', ...defaultClientConditions] },
    });
  },
};
