/**
 * A fake Discord for tests and benchmarks: a REST API and a gateway on 127.0.0.1 (ephemeral ports)
 * that drive the real discord.js Client and @discordjs/rest (PLATFORMS.md §5.2). It records every
 * request, answers the routes newsbrief uses, honours `enforce_nonce` like Discord (a repeated nonce
 * in a channel returns the first message), and can be scripted to answer 429s (with Retry-After and
 * the X-RateLimit-* headers), 5xx, Discord error codes, or to delay an answer.
 *
 * Point a Client at it with `rest: { api: fake.apiUrl }`: discord.js finds the gateway through
 * `GET /gateway/bot`, which answers with this fake's ws:// URL.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** Discord's epoch (2015-01-01), for snowflakes. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;

/** A fresh snowflake (18–19 digits, like Discord's, so @discordjs/rest picks major parameters right). */
export function snowflake(at: number = Date.now()): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence).toString();
}

/** The shard a guild's events go to: (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query, e.g. "/api/v10/webhooks/1/tok/messages/@original". */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (multipart `payload_json` too); null without a body. */
  body: unknown;
  /** performance.now() when the request arrived. */
  at: number;
  /** Status the fake answered. */
  status: number;
}

/**
 * A canned answer, used once (or `times` times) for the first request that matches. Without a
 * `status` the request is handled normally, after `delayMs` (a slow Discord that still acts).
 */
export interface ScriptedResponse {
  method?: string;
  /** Matches the decoded path: a string is a prefix, a RegExp is tested. */
  path: string | RegExp;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** How many matching requests it answers. @defaultValue 1 */
  times?: number;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  botUserId?: string;
  /** Shards /gateway/bot recommends. @defaultValue 1 */
  shards?: number;
  /** session_start_limit.max_concurrency. @defaultValue 16 (so several shards identify at once) */
  maxConcurrency?: number;
}

export interface GatewaySession {
  socket: WebSocket;
  /** [shard id, shard count] from IDENTIFY; null before it. */
  shard: [number, number] | null;
  identify: Record<string, unknown> | null;
  seq: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  nonce?: string | number;
}

interface Scripted extends ScriptedResponse {
  remaining: number;
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly botUserId: string;
  shardCount: number;
  maxConcurrency: number;
  /** Every REST request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Gateway connections, in order. */
  readonly sessions: GatewaySession[] = [];
  /** Messages created in channels (POST /channels/:id/messages), repeats by nonce excluded. */
  readonly channelMessages: FakeMessage[] = [];
  /** Interaction responses: the original message (by interaction token) and follow-ups. */
  readonly originals = new Map<string, FakeMessage>();
  readonly followUps: Array<FakeMessage & { token: string }> = [];
  private readonly script: Scripted[] = [];
  private readonly nonces = new Map<string, FakeMessage>();
  private readonly waiters = new Set<() => void>();
  private http: Server | null = null;
  private gateway: WebSocketServer | null = null;
  private restPort = 0;
  private gatewayPort = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake();
    this.botUserId = options.botUserId ?? this.applicationId;
    this.shardCount = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 16;
  }

  /** REST base for `new REST({ api })` / `ClientOptions.rest.api`, e.g. http://127.0.0.1:1234/api */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.restPort}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.gatewayPort}`;
  }

  async start(): Promise<this> {
    this.http = createServer((req, res) => {
      void this.handle(req, res);
    });
    this.http.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.http!.listen(0, '127.0.0.1', resolve));
    this.restPort = (this.http.address() as AddressInfo).port;
    this.gateway = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.gateway!.once('listening', resolve));
    this.gatewayPort = (this.gateway.address() as AddressInfo).port;
    this.gateway.on('connection', (socket) => this.connect(socket));
    return this;
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    await new Promise<void>((resolve) => (this.gateway ? this.gateway.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => {
      if (!this.http) return resolve();
      this.http.closeAllConnections();
      this.http.close(() => resolve());
    });
  }

  /** Forgets recorded traffic and messages (not the script). */
  reset(): void {
    this.requests.length = 0;
    this.channelMessages.length = 0;
    this.followUps.length = 0;
    this.originals.clear();
    this.nonces.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Scripting

  /** Answers the next matching request(s) with this response instead of the normal one. */
  respondNext(response: ScriptedResponse): this {
    this.script.push({ ...response, remaining: response.times ?? 1 });
    return this;
  }

  /** A 429 with Retry-After and the X-RateLimit-* headers (`global` adds X-RateLimit-Global). */
  rateLimitNext(
    path: string | RegExp,
    retryAfterSeconds: number,
    options: { method?: string; global?: boolean; times?: number } = {},
  ): this {
    const headers: Record<string, string> = {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-reset': String(Date.now() / 1000 + retryAfterSeconds),
      'x-ratelimit-bucket': 'fakebucket',
      'x-ratelimit-scope': options.global ? 'global' : 'user',
    };
    if (options.global) headers['x-ratelimit-global'] = 'true';
    return this.respondNext({
      path,
      status: 429,
      headers,
      body: {
        message: 'You are being rate limited.',
        retry_after: retryAfterSeconds,
        global: !!options.global,
      },
      ...(options.method !== undefined ? { method: options.method } : {}),
      ...(options.times !== undefined ? { times: options.times } : {}),
    });
  }

  /** A Discord JSON error, e.g. (403, 50001, 'Missing Access'). */
  errorNext(path: string | RegExp, status: number, code: number, message: string, times = 1): this {
    return this.respondNext({ path, status, body: { message, code }, times });
  }

  // -------------------------------------------------------------------------------------------
  // Gateway

  /** Pushes a dispatch to every identified session, or to the shard owning `guildId`. */
  dispatch(t: string, d: unknown, options: { guildId?: string; shard?: number } = {}): number {
    let targets = this.sessions.filter((s) => s.shard !== null && s.socket.readyState === s.socket.OPEN);
    const shard =
      options.shard ??
      (options.guildId !== undefined ? shardOf(options.guildId, this.shardCount) : undefined);
    if (shard !== undefined) targets = targets.filter((s) => s.shard?.[0] === shard);
    for (const session of targets) {
      session.seq++;
      session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
    }
    return targets.length;
  }

  /** Pushes an INTERACTION_CREATE to the shard of its guild (shard 0 without one). */
  interaction(payload: InteractionPayload): void {
    const sent = this.dispatch('INTERACTION_CREATE', payload, {
      ...(payload.guild_id !== undefined ? { guildId: payload.guild_id } : { shard: 0 }),
    });
    if (sent === 0) throw new Error('fake discord: no gateway session for this interaction');
  }

  /** Resolves once `count` sessions have identified. */
  async waitForSessions(count: number, timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(() => this.sessions.filter((s) => s.shard !== null).length >= count, timeoutMs);
  }

  private connect(socket: WebSocket): void {
    const session: GatewaySession = { socket, shard: null, identify: null, seq: 0 };
    this.sessions.push(session);
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === 1) {
        socket.send(JSON.stringify({ op: 11 }));
      } else if (packet.op === 2) {
        const identify = packet.d as Record<string, unknown>;
        const shard = (identify.shard as [number, number] | undefined) ?? [0, 1];
        session.identify = identify;
        session.shard = shard;
        session.seq++;
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: session.seq,
            d: {
              v: 10,
              user: {
                id: this.botUserId,
                username: 'newsbrief',
                discriminator: '0',
                global_name: null,
                avatar: null,
                bot: true,
                flags: 0,
              },
              guilds: [],
              session_id: `session-${this.sessions.length}`,
              resume_gateway_url: this.gatewayUrl,
              shard,
              application: { id: this.applicationId, flags: 0 },
            },
          }),
        );
        this.notify();
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // REST

  /** Resolves with the first recorded request that matches, waiting for it if needed. */
  async waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    let found: RecordedRequest | undefined;
    await this.waitUntil(() => {
      found = this.requests.find(match);
      return found !== undefined;
    }, timeoutMs);
    return found!;
  }

  /** Requests whose path matches (prefix string or RegExp), optionally of one method. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => pathMatches(path, r.path) && (method === undefined || r.method === method),
    );
  }

  async waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake discord: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(raw, req.headers['content-type']),
      at,
      status: 0,
    };
    this.requests.push(record);
    const scripted = this.takeScripted(method, path);
    if (scripted?.status !== undefined) {
      if (scripted.delayMs) await sleep(scripted.delayMs);
      this.send(res, record, scripted.status, scripted.body, scripted.headers);
      return;
    }
    const [status, body] = this.route(method, path, url.searchParams, record.body);
    if (scripted?.delayMs) await sleep(scripted.delayMs);
    if (res.destroyed) {
      record.status = -1;
      this.notify();
      return;
    }
    this.send(res, record, status, body);
  }

  private takeScripted(method: string, path: string): Scripted | undefined {
    const index = this.script.findIndex(
      (s) => (s.method === undefined || s.method === method) && pathMatches(s.path, path),
    );
    if (index === -1) return undefined;
    const step = this.script[index]!;
    step.remaining--;
    if (step.remaining <= 0) this.script.splice(index, 1);
    return step;
  }

  private send(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    record.status = status;
    if (status === 204) {
      res.writeHead(204, headers).end();
    } else {
      const text = JSON.stringify(body ?? {});
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...(status < 300 ? { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49' } : {}),
        ...headers,
      });
      res.end(text);
    }
    this.notify();
  }

  private route(method: string, path: string, query: URLSearchParams, body: unknown): [number, unknown] {
    const p = path.replace(/^\/api(?:\/v\d+)?/, '');
    if (method === 'GET' && p === '/gateway/bot') {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: this.maxConcurrency,
          },
        },
      ];
    }
    if (method === 'GET' && p === '/gateway') return [200, { url: this.gatewayUrl }];
    if (method === 'GET' && p === '/users/@me') {
      return [
        200,
        { id: this.botUserId, username: 'newsbrief', discriminator: '0', bot: true, avatar: null },
      ];
    }
    const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p);
    if (method === 'PUT' && commandsRoute !== null) {
      const m = commandsRoute;
      const commands = Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
      return [
        200,
        commands.map((c) => ({
          id: snowflake(),
          application_id: m[1],
          ...(m[2] !== undefined ? { guild_id: m[2] } : {}),
          version: snowflake(),
          type: 1,
          ...c,
        })),
      ];
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) {
      const token = p.split('/')[3]!;
      const callback = body as { type?: number; data?: Record<string, unknown> } | null;
      if (callback && (callback.type === 4 || callback.type === 7 || callback.type === 5)) {
        const existing = this.originals.get(token);
        this.originals.set(token, this.message('', callback.data ?? {}, existing?.id));
      }
      if (query.get('with_response') === 'true') {
        return [
          200,
          {
            interaction: { id: p.split('/')[2], type: 2 },
            resource: { type: callback?.type ?? 4, message: this.originals.get(token) ?? null },
          },
        ];
      }
      return [204, null];
    }
    const original = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(p);
    if (original !== null) {
      const token = original[2]!;
      const existing = this.originals.get(token);
      if (method === 'GET')
        return existing ? [200, existing] : [404, { message: 'Unknown Message', code: 10008 }];
      if (method === 'PATCH') {
        const merged = this.message(
          existing?.channel_id ?? '',
          { ...existing, ...(body as object) },
          existing?.id,
        );
        this.originals.set(token, merged);
        return [200, merged];
      }
      if (method === 'DELETE') {
        this.originals.delete(token);
        return [204, null];
      }
    }
    const followUp = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(p);
    if (method === 'POST' && followUp !== null) {
      const message = { ...this.message('', (body ?? {}) as Record<string, unknown>), token: followUp[2]! };
      this.followUps.push(message);
      return [200, message];
    }
    const channelPost = /^\/channels\/(\d+)\/messages$/.exec(p);
    if (method === 'POST' && channelPost !== null) {
      const m = channelPost;
      const data = (body ?? {}) as Record<string, unknown>;
      const nonce = data.nonce as string | number | undefined;
      const key = `${m[1]}|${String(nonce)}`;
      if (nonce !== undefined && data.enforce_nonce === true) {
        const previous = this.nonces.get(key);
        if (previous) return [200, previous];
      }
      const message = this.message(m[1]!, data);
      if (nonce !== undefined) {
        message.nonce = nonce;
        this.nonces.set(key, message);
      }
      this.channelMessages.push(message);
      return [200, message];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private message(channelId: string, data: Record<string, unknown>, id?: string): FakeMessage {
    const now = new Date().toISOString();
    return {
      id: id ?? snowflake(),
      type: 0,
      channel_id: (data.channel_id as string | undefined) ?? channelId,
      content: (data.content as string | undefined) ?? '',
      embeds: (data.embeds as unknown[] | undefined) ?? [],
      components: (data.components as unknown[] | undefined) ?? [],
      flags: (data.flags as number | undefined) ?? 0,
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: now,
      edited_timestamp: null,
      author: { id: this.botUserId, username: 'newsbrief', discriminator: '0', bot: true, avatar: null },
    } as FakeMessage;
  }
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? path.startsWith(pattern) : pattern.test(path);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString('utf8');
  if (contentType?.startsWith('multipart/form-data')) {
    const m = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
    return m ? JSON.parse(m[1]!) : text;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Starts a fake Discord (REST + gateway). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).start();
}

// ---------------------------------------------------------------------------------------------
// Interaction payloads, as the gateway delivers them

export type InteractionPayload = Record<string, unknown> & { guild_id?: string; token: string; id: string };

export interface InteractionWhere {
  applicationId: string;
  guildId?: string;
  channelId?: string;
  userId?: string;
  /** The member's permissions (decimal string). @defaultValue all */
  permissions?: string;
  /** The bot's permissions in the channel. @defaultValue all */
  appPermissions?: string;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

const ALL_PERMISSIONS = ((1n << 50n) - 1n).toString();

function base(type: number, where: InteractionWhere): InteractionPayload {
  const guildId = where.guildId;
  const channelId = where.channelId ?? snowflake();
  const userId = where.userId ?? snowflake();
  const user = { id: userId, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
  return {
    id: snowflake(),
    application_id: where.applicationId,
    type,
    token: `tok-${snowflake()}`,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: guildId ? { '0': guildId } : { '1': userId },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
    app_permissions: where.appPermissions ?? ALL_PERMISSIONS,
    channel_id: channelId,
    channel: {
      id: channelId,
      type: guildId ? 0 : 1,
      name: 'news',
      ...(guildId ? { guild_id: guildId } : {}),
    },
    ...(guildId
      ? {
          guild_id: guildId,
          guild: { id: guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: {
            user,
            roles: [],
            permissions: where.permissions ?? ALL_PERMISSIONS,
            joined_at: '2025-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user }),
  };
}

/** A slash command (type 2) or its autocomplete (type 4). */
export function chatInput(
  name: string,
  options: CommandOption[],
  where: InteractionWhere,
  interactionType: 2 | 4 = 2,
): InteractionPayload {
  return {
    ...base(interactionType, where),
    data: { id: snowflake(), name, type: 1, options },
  };
}

/** A button press (type 3) on a message. */
export function buttonPress(
  customId: string,
  message: { id: string; flags?: number; embeds?: unknown[]; components?: unknown[]; channel_id?: string },
  where: InteractionWhere,
): InteractionPayload {
  const payload = base(3, where);
  return {
    ...payload,
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: message.id,
      type: 0,
      channel_id: message.channel_id ?? payload.channel_id,
      content: '',
      embeds: message.embeds ?? [],
      components: message.components ?? [],
      flags: message.flags ?? 0,
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      author: { id: where.applicationId, username: 'newsbrief', discriminator: '0', bot: true, avatar: null },
    },
  };
}

/** A modal submission (type 5) with text inputs. */
export function modalSubmit(
  customId: string,
  fields: Record<string, string>,
  where: InteractionWhere,
): InteractionPayload {
  return {
    ...base(5, where),
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    },
  };
}
