import type { AgentClient } from '@kontakt/core/agent';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KcAnnounceEvent } from '../internal/events.js';
import type { ChatQueueStore } from './queue-store.js';
import { chatQueueOf } from './queue-store.js';

/** What the shell tells the controller on every update. */
export interface ChatQueueCountSource {
  /** The client while someone is signed in; `undefined` signed out. */
  client: AgentClient | undefined;
  /** The chat view is shown: it announces arrivals itself. */
  inChatView: boolean;
  /** What to say when chats arrive or one is offered while another view is shown. */
  arrived: (count: number) => string;
  offered: string;
}

/**
 * The shell's count of waiting chats, for the navigation, from the shared queue store; while
 * another view is shown, new chats and offers are announced politely (never taking focus).
 */
export class ChatQueueCount implements ReactiveController {
  /** Chats waiting now (0 until known). */
  waiting = 0;
  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly source: () => ChatQueueCountSource;
  private store: ChatQueueStore | undefined;
  private release: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, source: () => ChatQueueCountSource) {
    this.host = host;
    this.source = source;
    host.addController(this);
  }

  hostUpdated(): void {
    const { client } = this.source();
    const store = client ? chatQueueOf(client) : undefined;
    if (store !== this.store) this.follow(store);
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private follow(store: ChatQueueStore | undefined): void {
    this.store?.removeEventListener('change', this.onChange);
    this.store?.removeEventListener('offer', this.onOffer);
    this.release?.();
    this.release = undefined;
    this.store = store;
    this.waiting = store?.queue?.waiting.length ?? 0;
    if (!store) return;
    store.addEventListener('change', this.onChange);
    store.addEventListener('offer', this.onOffer);
    this.release = store.use();
  }

  private readonly onChange = () => {
    const queue = this.store?.queue;
    if (!queue) return;
    const before = new Set(this.store?.previous?.waiting.map((chat) => chat.id));
    const arrived = this.store?.previous
      ? queue.waiting.filter((chat) => !before.has(chat.id)).length
      : 0;
    this.waiting = queue.waiting.length;
    this.host.requestUpdate();
    const source = this.source();
    if (arrived > 0 && !source.inChatView) this.announce(source.arrived(arrived));
  };

  private readonly onOffer = () => {
    const source = this.source();
    if (this.store?.offer && !source.inChatView) this.announce(source.offered);
  };

  private announce(message: string): void {
    this.host.dispatchEvent(new KcAnnounceEvent(message));
  }
}
