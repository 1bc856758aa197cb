/*
 * `client.callbacks`, kept small inside the client: the work (the call-back schemas, the request)
 * loads when first used, so a widget whose client never asks for a call-back (the contact form)
 * does not carry it.
 */
import type { KyInstance } from 'ky';
import type { CallbackRequestInput, CallbackSlotList, Receipt } from '../schemas/index.js';

/**
 * What `client.callbacks.request()` takes: `CallbackRequestInput` without `department` (the
 * client's), `origin` (the client's page, read now, and `options.widget`) and `chatSession`
 * (`options.chat`).
 */
export type CallbackAsk = Omit<CallbackRequestInput, 'department' | 'origin' | 'chatSession'>;

/** Options for one `callbacks.request()` call. */
export interface CallbackRequestOptions {
  /** Cancels the request and its retries. */
  signal?: AbortSignal;
  /** The element that sends it, recorded as the case's origin. Default `'sdk'`. */
  widget?: string;
  /** The page it was asked on. Default: the client's `pageUrl()`, read now. */
  pageUrl?: string;
  /**
   * Sends under this key instead of a new one: the same key when the person asks again after a
   * failure, so a request that did reach the server is answered with its receipt, not a second call.
   */
  idempotencyKey?: string;
  /**
   * The chat the person is waiting in (a `ChatConversation` fits): it ends when the call-back is
   * taken and is linked to it. Its token proves it is theirs (`Authorization: Bearer`).
   */
  chat?: { id: string; token: string };
}

/** `client.callbacks`: asking the contact center to call back (*uppringning*). */
export interface CallbacksResource {
  /**
   * The times the contact center can call the client's department back: its opening hours cut
   * into slots for the next days with opening hours, each `available` unless full.
   */
  slots(options?: { signal?: AbortSignal }): Promise<CallbackSlotList>;
  /**
   * Validates `input` with `CallbackRequestSchema` (rejecting with a `ValidationError` without a
   * request: `phone` `invalid_phone`, …), sends it with an `Idempotency-Key` (retried safely) and
   * resolves with the receipt: a case the contact center calls about. A slot that is not offered
   * rejects with a `ValidationError` on `when.slot` (`outside_opening_hours`); one taken meanwhile
   * with `callback_slot_unavailable` (ask `slots()` again). Not kept in the outbox: a call-back
   * asked for later than it was meant is no use; the caller shows the error.
   *
   * @example
   * const { slots } = await client.callbacks.slots();
   * const receipt = await client.callbacks.request({
   *   locale: 'sv', phone: '070-123 45 67', when: { slot: slots[0].start },
   * });
   */
  request(input: CallbackAsk, options?: CallbackRequestOptions): Promise<Receipt>;
}

export interface CallbacksContext {
  http: KyInstance;
  department: string;
  pageUrl: () => string | undefined;
}

/** `client.callbacks`: each method loads the implementation (once) and runs it. */
export function callbacksResource(context: CallbacksContext): CallbacksResource {
  let loaded: Promise<CallbacksResource> | undefined;
  const impl = () => {
    loaded ??= import('./callbacks-impl.js').then(
      ({ callbacksResource: create }) => create(context),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return loaded;
  };
  return {
    slots: async (options) => (await impl()).slots(options),
    request: async (input, options) => (await impl()).request(input, options),
  };
}
