/**
 * The HTTP interactions endpoint (POST /discord/interactions): with DISCORD_PUBLIC_KEY set, Discord
 * can deliver commands over HTTP instead of the gateway. Requests are verified (Ed25519), PING gets
 * PONG, and everything else goes through the same handlers as gateway interactions; their first
 * response becomes the HTTP answer.
 */

import {
  type APIInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  ComponentType,
  type Interaction,
  InteractionResponseType,
  InteractionType,
  ModalSubmitInteraction,
} from 'discord.js';
import express, { type Router } from 'express';
import type { DiscordDeps } from '../deps.js';
import { createInteractionHandler } from '../events/interaction-create.js';
import { NO_MENTIONS } from '../render/message.js';
import { HttpInteractionsRest } from './http-rest.js';
import { publicKeyFromHex, verifyInteraction } from './verify.js';

export const INTERACTIONS_PATH = '/discord/interactions';

/** Discord waits 3 s for the answer; leave room for the network. */
const ANSWER_WITHIN_MS = 2_500;

/**
 * discord.js types these constructors as private: its gateway builds interactions from the
 * INTERACTION_CREATE payload (InteractionCreateAction) with exactly this call. An HTTP interaction
 * carries the same payload, so it is built the same way.
 */
type InteractionClass = new (client: Client<true>, data: APIInteraction) => Interaction;

function interactionClass(data: APIInteraction): InteractionClass | null {
  switch (data.type) {
    case InteractionType.ApplicationCommand:
      return data.data.type === 1 ? (ChatInputCommandInteraction as unknown as InteractionClass) : null;
    case InteractionType.ApplicationCommandAutocomplete:
      return AutocompleteInteraction as unknown as InteractionClass;
    case InteractionType.MessageComponent:
      return data.data.component_type === ComponentType.Button
        ? (ButtonInteraction as unknown as InteractionClass)
        : null;
    case InteractionType.ModalSubmit:
      return ModalSubmitInteraction as unknown as InteractionClass;
    default:
      return null;
  }
}

export interface InteractionsEndpoint {
  router: Router;
  /** Releases the REST client and the interaction-building client. */
  close(): Promise<void>;
}

export function createInteractionsEndpoint(deps: DiscordDeps, publicKeyHex: string): InteractionsEndpoint {
  const key = publicKeyFromHex(publicKeyHex);
  const rest = new HttpInteractionsRest({ api: deps.settings.apiUrl });
  rest.setToken(deps.settings.token);
  // A client that never logs in: it only builds interactions and sends their follow-ups over REST.
  const client = new Client({ intents: [], allowedMentions: NO_MENTIONS });
  client.rest = rest;
  const handle = createInteractionHandler(deps);
  const router = express.Router();

  router.post(INTERACTIONS_PATH, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const ok = verifyInteraction(
      key,
      body,
      req.header('x-signature-ed25519'),
      req.header('x-signature-timestamp'),
      deps.context.now().getTime(),
    );
    if (!ok) {
      res.status(401).json({ error: 'invalid request signature' });
      return;
    }
    let data: APIInteraction;
    try {
      data = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      res.status(400).json({ error: 'invalid JSON' });
      return;
    }
    if (data.type === InteractionType.Ping) {
      res.json({ type: InteractionResponseType.Pong });
      return;
    }
    const Class = interactionClass(data);
    if (Class === null) {
      res.status(400).json({ error: 'unsupported interaction type' });
      return;
    }
    const callback = rest.expectCallback(data.id, data.token);
    // Constructed on the non-logged-in client, whose `Client<true>` typing it doesn't have (see above).
    const interaction = new Class(client as Client<true>, data);
    // The handler keeps running after its first response (editReply); it reports its own errors.
    void handle(interaction);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ANSWER_WITHIN_MS);
    });
    const first = await Promise.race([callback, timeout]);
    clearTimeout(timer);
    if (first === null) {
      rest.forget(data.id, data.token);
      deps.logger.warn({ interactionId: data.id }, 'discord HTTP interaction got no response in time');
      res.status(500).json({ error: 'no response' });
      return;
    }
    res.json(first);
  });
  return {
    router,
    async close() {
      await client.destroy();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
