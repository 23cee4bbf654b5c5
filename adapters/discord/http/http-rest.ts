/**
 * A REST client for interactions that arrive over HTTP: the first response to such an interaction
 * must be the answer to Discord's POST, so a callback discord.js would send through the API
 * (reply, deferReply, showModal, autocomplete…) is handed to the waiting HTTP request instead.
 * Everything after it (editReply, follow-ups) goes to the API as usual.
 */
import { type InternalRequest, REST, type RESTOptions, type RouteLike } from 'discord.js';

type Pending = (body: unknown) => void;

export class HttpInteractionsRest extends REST {
  private readonly pending = new Map<string, Pending>();

  constructor(options: Partial<RESTOptions>) {
    super(options);
  }

  /** Waits for the first callback of an interaction; resolves with its body. */
  expectCallback(interactionId: string, token: string): Promise<unknown> {
    return new Promise((resolve) => {
      this.pending.set(`/interactions/${interactionId}/${token}/callback`, resolve);
    });
  }

  forget(interactionId: string, token: string): void {
    this.pending.delete(`/interactions/${interactionId}/${token}/callback`);
  }

  override async request(options: InternalRequest): Promise<unknown> {
    const route: RouteLike = options.fullRoute;
    const pending = this.pending.get(route);
    if (pending !== undefined && options.method === 'POST') {
      this.pending.delete(route);
      pending(options.body);
      return undefined;
    }
    return super.request(options);
  }
}
