/**
 * A fake Slack for end-to-end tests of the real Bolt app and Web API client, on 127.0.0.1 with an
 * ephemeral port (PLATFORMS.md §5.1). One HTTP server serves:
 *
 * - the Web API, `POST /api/<method>` (form-urlencoded or JSON, token from `Authorization`), with
 *   `auth.test`, `chat.postMessage`, `conversations.history` (with message metadata), `users.info`,
 *   `oauth.v2.access` and `apps.connections.open`; any other method answers `unknown_method`;
 * - response URLs, `POST /hooks/<id>` (what Bolt's `respond()` posts);
 * - the OAuth authorize page, `GET /oauth/v2/authorize` (redirects back with a code when given a
 *   redirect_uri, else answers the code as JSON);
 * - a Socket Mode WebSocket at `/socket` (sends `hello`; `sendEnvelope` waits for the app's ack).
 *
 * Every call is recorded; answers can be scripted per method (`script`), e.g. a 429 with
 * Retry-After, a 500, or `{ ok: false, error: 'not_in_channel' }`.
 */
import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call as the fake received it. */
export interface ApiCall {
  method: string;
  /** The bearer token (or the body's `token`), null when none was sent. */
  token: string | null;
  /** The parameters; JSON-encoded values (blocks, metadata) are decoded. */
  body: Record<string, unknown>;
  /** Date.now() on arrival. */
  at: number;
  /** The HTTP status the fake answered. */
  status: number;
}

/** One POST to a response URL. */
export interface HookPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/**
 * A scripted answer: HTTP status, headers and JSON body. Without a body, a 200 gets the method's
 * normal answer and any other status `{ ok: false }`.
 */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

/** A workspace the fake knows: its bot token answers auth.test. */
export interface FakeWorkspace {
  teamId: string;
  teamName?: string;
  botToken: string;
  botId: string;
  botUserId: string;
}

/** A message the fake "posted" (chat.postMessage), kept for conversations.history. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata: unknown;
  token: string | null;
}

export interface SocketEnvelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: Record<string, unknown>;
  accepts_response_payload?: boolean;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly hooks: HookPost[] = [];
  readonly messages: StoredMessage[] = [];
  readonly authorizeRequests: URLSearchParams[] = [];
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** users.info time zones by user id (default Asia/Seoul). */
  readonly userTimeZones = new Map<string, string>();
  /** What the next OAuth authorization installs. */
  pendingInstall: FakeWorkspace | null = null;
  private readonly codes = new Map<string, FakeWorkspace>();
  private readonly scripts = new Map<string, ScriptedResponse[]>();
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private tsCounter = 0;
  private codeCounter = 0;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Starts a fake with one workspace (T1, token xoxb-test). */
  static async start(): Promise<FakeSlack> {
    const wss = new WebSocketServer({ noServer: true });
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      fake?.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => fake?.onSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, wss, `http://127.0.0.1:${port}`);
    fake.addWorkspace({
      teamId: 'T1',
      teamName: 'Test',
      botToken: 'xoxb-test',
      botId: 'B1',
      botUserId: 'U0BOT',
    });
    return fake;
  }

  /** Base URL of the Web API, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response URL whose posts are recorded under `id`. */
  responseUrl(id: string): string {
    return `${this.url}/hooks/${encodeURIComponent(id)}`;
  }

  addWorkspace(workspace: FakeWorkspace): void {
    this.workspaces.set(workspace.botToken, workspace);
  }

  /** The next calls of `method` get these answers, in order; later calls get the default. */
  script(method: string, ...responses: ScriptedResponse[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...responses]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  hooksOf(id: string): HookPost[] {
    return this.hooks.filter((h) => h.id === id);
  }

  /** Resolves with the `count`-th post to the response URL `id` (1-based), waiting up to `timeoutMs`. */
  waitForHook(id: string, count = 1, timeoutMs = 5000): Promise<HookPost> {
    return this.waitFor(() => this.hooksOf(id)[count - 1], `post ${count} to response URL ${id}`, timeoutMs);
  }

  /** Resolves with the first call of `method` matching `predicate`. */
  waitForCall(
    method: string,
    predicate: (call: ApiCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<ApiCall> {
    return this.waitFor(() => this.callsOf(method).find(predicate), `a ${method} call`, timeoutMs);
  }

  /** Resolves once the app connected over Socket Mode (and got its hello). */
  waitForSocket(timeoutMs = 5000): Promise<WebSocket> {
    return this.waitFor(() => [...this.sockets][0], 'a Socket Mode connection', timeoutMs);
  }

  /** Sends an envelope over the app's socket; resolves with the app's ack (`{ envelope_id, payload }`). */
  async sendEnvelope(envelope: SocketEnvelope, timeoutMs = 5000): Promise<unknown> {
    const ws = await this.waitForSocket(timeoutMs);
    const acked = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for envelope ${envelope.envelope_id}`)),
        timeoutMs,
      );
      this.acks.set(envelope.envelope_id, (payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });
    ws.send(JSON.stringify(envelope));
    return acked;
  }

  /** Forgets recorded calls, hooks, messages and scripts (workspaces stay). */
  reset(): void {
    this.calls.length = 0;
    this.hooks.length = 0;
    this.messages.length = 0;
    this.authorizeRequests.length = 0;
    this.scripts.clear();
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  // ---------------------------------------------------------------------------------------------

  private waitFor<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = find();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`FakeSlack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
    });
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let message: { envelope_id?: unknown } = {};
      try {
        message = JSON.parse(String(data)) as { envelope_id?: unknown };
      } catch {
        return;
      }
      if (typeof message.envelope_id === 'string') {
        this.acks.get(message.envelope_id)?.(message);
        this.acks.delete(message.envelope_id);
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    this.events.emit('change');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (req.method === 'GET' && url.pathname === '/oauth/v2/authorize') {
      this.authorize(url, res);
      return;
    }
    const raw = await readBody(req);
    if (req.method === 'POST' && url.pathname.startsWith('/hooks/')) {
      const id = decodeURIComponent(url.pathname.slice('/hooks/'.length));
      this.hooks.push({ id, body: parseBody(raw, req.headers['content-type']), at: Date.now() });
      this.events.emit('change');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const body = parseBody(raw, req.headers['content-type']);
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ')
        ? auth.slice(7)
        : typeof body.token === 'string'
          ? body.token
          : null;
      const scripted = this.scripts.get(method)?.shift();
      // A scripted answer without a body (a delay, say) still gets the method's normal answer.
      const answer =
        scripted?.body !== undefined || (scripted?.status ?? 200) !== 200
          ? (scripted ?? {})
          : { ...scripted, body: this.answer(method, token, body) };
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      const status = answer.status ?? 200;
      this.calls.push({ method, token, body, at: Date.now(), status });
      this.events.emit('change');
      res.writeHead(status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body ?? { ok: false }));
      return;
    }
    res.writeHead(404).end('not found');
  }

  private authorize(url: URL, res: ServerResponse): void {
    this.authorizeRequests.push(url.searchParams);
    const workspace = this.pendingInstall;
    if (workspace === null) {
      res.writeHead(400).end('no pending install');
      return;
    }
    const code = `code-${++this.codeCounter}`;
    this.codes.set(code, workspace);
    const state = url.searchParams.get('state') ?? '';
    const redirect = url.searchParams.get('redirect_uri');
    if (redirect) {
      const target = new URL(redirect);
      target.searchParams.set('code', code);
      target.searchParams.set('state', state);
      res.writeHead(302, { location: target.toString() }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code, state }));
  }

  private answer(method: string, token: string | null, body: Record<string, unknown>): unknown {
    const workspace = token === null ? undefined : this.workspaces.get(token);
    switch (method) {
      case 'auth.test':
        return workspace
          ? {
              ok: true,
              url: `https://${workspace.teamId.toLowerCase()}.slack.com/`,
              team: workspace.teamName ?? workspace.teamId,
              user: 'newsbrief',
              team_id: workspace.teamId,
              user_id: workspace.botUserId,
              bot_id: workspace.botId,
              is_enterprise_install: false,
            }
          : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        if (!workspace) return { ok: false, error: 'invalid_auth' };
        const channel = String(body.channel ?? '');
        const ts = `${1_768_381_200 + ++this.tsCounter}.000100`;
        this.messages.push({
          channel,
          ts,
          text: body.text,
          blocks: body.blocks,
          metadata: body.metadata,
          token,
        });
        return {
          ok: true,
          channel,
          ts,
          message: { type: 'message', text: body.text, ts, bot_id: workspace.botId },
        };
      }
      case 'conversations.history': {
        if (!workspace) return { ok: false, error: 'invalid_auth' };
        const oldest = Number(body.oldest ?? 0);
        const messages = this.messages
          .filter((m) => m.channel === body.channel && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            bot_id: workspace.botId,
            metadata: m.metadata,
          }));
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'users.info':
        if (!workspace) return { ok: false, error: 'invalid_auth' };
        return {
          ok: true,
          user: { id: body.user, tz: this.userTimeZones.get(String(body.user)) ?? 'Asia/Seoul' },
        };
      case 'oauth.v2.access': {
        const installed = this.codes.get(String(body.code ?? ''));
        if (!installed) return { ok: false, error: 'invalid_code' };
        this.codes.delete(String(body.code));
        this.addWorkspace(installed);
        return {
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'UINSTALLER' },
          scope: 'commands,chat:write',
          token_type: 'bot',
          access_token: installed.botToken,
          bot_user_id: installed.botUserId,
          team: { id: installed.teamId, name: installed.teamName ?? installed.teamId },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case 'apps.connections.open':
        return token?.startsWith('xapp-')
          ? { ok: true, url: `${this.url.replace(/^http/, 'ws')}/socket` }
          : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// -----------------------------------------------------------------------------------------------
// Requests as Slack sends them (signed), for tests and benchmarks that drive the app.

/** `X-Slack-Signature` for a body: v0= + HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** Headers of a signed request (timestamp defaults to now). */
export function signedHeaders(
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  timestampSec: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestampSec),
    'x-slack-signature': slackSignature(secret, timestampSec, body),
  };
}

export interface SlashCommandFields {
  text: string;
  responseUrl: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  command?: string;
}

/** The form body of a slash command (PLATFORMS.md §1.1). */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.teamId ?? 'T1',
    team_domain: 'test',
    channel_id: fields.channelId ?? 'C1',
    channel_name: 'general',
    user_id: fields.userId ?? 'U1',
    user_name: 'alice',
    command: fields.command ?? '/news',
    text: fields.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

export interface ButtonClickFields {
  actionId: string;
  value: string;
  responseUrl: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  ephemeral?: boolean;
}

/** The form body of a block_actions payload for a button click. */
export function buttonClickBody(fields: ButtonClickFields): string {
  const teamId = fields.teamId ?? 'T1';
  const channelId = fields.channelId ?? 'C1';
  const payload = {
    type: 'block_actions',
    team: { id: teamId, domain: 'test' },
    user: { id: fields.userId ?? 'U1', username: 'alice', team_id: teamId },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1768381200.000100',
      channel_id: channelId,
      is_ephemeral: fields.ephemeral ?? true,
    },
    trigger_id: '1.2.3',
    channel: { id: channelId, name: 'general' },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'news_briefing_actions',
        value: fields.value,
        text: { type: 'plain_text', text: 'button' },
        action_ts: '1768381201.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The JSON body of an Events API callback. */
export function eventCallbackBody(teamId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}
