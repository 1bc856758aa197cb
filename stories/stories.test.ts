// Every story of every widget, rendered and played in Chromium as Storybook would show it, against
// a real server on the demo's departments (the one `npm start` runs and the stories' default
// endpoint means): the widget reaches the state the story's JSDoc names (`:state(submitted)`), and
// axe finds nothing in it. And every custom state a widget documents has a story that shows it
// (the definition of done: a story per state). So the stories cannot rot unnoticed.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { nothing, render } from 'lit';
import * as chatBubble from './chat-bubble.stories.js';
import * as contactForm from './contact-form.stories.js';
import * as faultReport from './fault-report.stories.js';
import * as notice from './notice.stories.js';
import * as provider from './provider.stories.js';
import * as statusTracker from './status-tracker.stories.js';

type Args = Record<string, unknown>;
interface StoryContext {
  args: Args;
  canvasElement: HTMLElement;
}
/** The parts of Storybook's story format the stories use (CSF 3). */
interface StoryLike {
  args?: Args;
  render?: (args: Args, context: StoryContext) => TemplateResult;
  play?: (context: StoryContext) => Promise<void> | void;
}
interface MetaLike extends StoryLike {
  component?: string;
}

/** The stories files by widget (the component folder's name). */
const FILES: Record<string, Record<string, unknown>> = {
  'chat-bubble': chatBubble,
  'contact-form': contactForm,
  'fault-report': faultReport,
  notice,
  provider,
  'status-tracker': statusTracker,
};

/**
 * States no story can hold still: the status tracker's `loading` lasts only while the chunk of the
 * language it was asked for loads, once a page (the texts are kept then). The controller behind
 * it is tested in packages/widgets/src/internal/localize.test.ts.
 */
const FLEETING: Record<string, string[]> = { 'status-tracker': ['loading'] };

/** Where the stories expect `npm start`'s server (their meta's default `endpoint`). */
const DEMO_ENDPOINT = 'http://localhost:8080';
/** A story's widget waits for chunks compiled on first request and for the server. */
const SLOW = { timeout: 45_000 };

let endpoint = '';
const realFetch = globalThis.fetch;

before(async function () {
  this.timeout(90_000);
  const server = await executeServerCommand<{ url: string }, { origin: string; config: string }>(
    'kontakt-server-start',
    { origin: location.origin, config: 'examples/demo/departments.json' },
  );
  endpoint = server.url;
});

afterEach(async () => {
  // The chat stories answer their made-up server through `fetch`; each story starts afresh.
  globalThis.fetch = realFetch;
  // The fault report's Followed story says where the device is (navigator's own property).
  Reflect.deleteProperty(navigator, 'geolocation');
  sessionStorage.clear();
  await setViewport({ width: 800, height: 600 });
});

/** Renders `story` as Storybook does (its args over the meta's, its render or the meta's), then plays it. */
async function show(meta: MetaLike, story: StoryLike, canvas: HTMLElement): Promise<void> {
  const args: Args = { ...meta.args, ...story.args };
  if (args.endpoint === DEMO_ENDPOINT) args.endpoint = endpoint;
  const context: StoryContext = { args, canvasElement: canvas };
  const draw = story.render ?? meta.render;
  if (!draw) throw new Error('the story and its meta have no render function');
  render(draw(args, context), canvas);
  await story.play?.(context);
}

for (const [widget, file] of Object.entries(FILES)) {
  const { default: meta, ...stories } = file as { default: MetaLike } & Record<string, StoryLike>;
  const tag = meta.component ?? `kc-${widget}`;

  describe(`stories/${widget}.stories.ts`, () => {
    let states: Record<string, string[]> = {};

    before(async () => {
      states = await executeServerCommand<Record<string, string[]>, { file: string }>(
        'kontakt-story-states',
        { file: `stories/${widget}.stories.ts` },
      );
    });

    it(`has a story for every custom state <${tag}> documents`, async () => {
      const docs = await executeServerCommand<{ cssStates: string[] }, { file: string }>(
        'kontakt-component-docs',
        { file: `packages/widgets/src/components/${widget}/${widget}.ts` },
      );
      const shown = new Set([...Object.values(states).flat(), ...(FLEETING[widget] ?? [])]);
      const missing = docs.cssStates.filter((state) => !shown.has(state));
      expect(missing, `states without a story (name them as :state(x) in its JSDoc)`).to.deep.equal(
        [],
      );
      const unknown = [...shown].filter((state) => !docs.cssStates.includes(state));
      expect(unknown, 'stories name states the element does not document').to.deep.equal([]);
    });

    for (const [name, story] of Object.entries(stories)) {
      it(`${name}: renders, plays, is in its state and passes axe`, async function () {
        // A story that plays through steps (the fault report's send stories go through the
        // review first) loads chunks compiled on first request: with the node tests beside it on
        // two cores, one took over 20 s.
        this.timeout(90_000);
        const canvas = document.createElement('div');
        document.body.append(canvas);
        try {
          await show(meta, story, canvas);
          const element = canvas.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
            tag,
          );
          if (!element) throw new Error(`no <${tag}> in the story`);
          for (const state of states[name] ?? []) {
            await waitUntil(
              () => element.matches(`:state(${state})`),
              `${name} never reached :state(${state})`,
              SLOW,
            );
          }
          await element.updateComplete;
          await expect(element).to.be.accessible();
        } finally {
          render(nothing, canvas);
          canvas.remove();
        }
      });
    }
  });
}
