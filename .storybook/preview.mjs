/** @type {import('@storybook/web-components-vite').Preview} */
export default {
  parameters: {
    controls: { expanded: true },
  },
};
