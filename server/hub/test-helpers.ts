/**
 * Test helpers for the hub: real socket.io-client connections over loopback, pairing over real HTTP.
 * Waits are on events and conditions (with generous timeouts), never on sleeps.
 */
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { ClockCommand } from '../../electron/bridge-types';
import { HUB_EVENTS, HUB_PAIR_PATH, HUB_REMOTE_NS, HUB_WALL_NS, type CommandAck, type HubState, type PairReply, type RemoteCommand, type Toast } from '../../src/presenter/protocol';
import type { Hub } from './hub';

export const WAIT_MS = 5000;

export async function postPair(hub: Hub, body: unknown, origin: string | null = hub.url): Promise<{ status: number; reply: PairReply }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (origin !== null) headers.origin = origin;
  const res = await fetch(`${hub.url}${HUB_PAIR_PATH}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, reply: (await res.json()) as PairReply };
}

export async function pair(hub: Hub, name: string): Promise<{ token: string; clientId: string; expiresAt: number }> {
  const { status, reply } = await postPair(hub, { code: hub.pairing().code, name });
  if (status !== 200 || !reply.ok) throw new Error(`pairing failed: ${status} ${JSON.stringify(reply)}`);
  return reply;
}

/** A client that records what it received, so a test can wait for "the first X such that …". */
export class Client {
  readonly states: HubState[] = [];
  readonly commands: ClockCommand[] = [];
  readonly toasts: Toast[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.on(HUB_EVENTS.state, (s: HubState) => this.push(this.states, s));
    socket.on(HUB_EVENTS.command, (c: ClockCommand) => this.push(this.commands, c));
    socket.on(HUB_EVENTS.toast, (t: Toast) => this.push(this.toasts, t));
  }

  private push<T>(list: T[], item: T): void {
    list.push(item);
    for (const w of this.waiters.splice(0)) w();
  }

  get state(): HubState | undefined {
    return this.states.at(-1);
  }

  /** Resolves with fn's first truthy result, checked now and after every message. */
  until<T>(fn: () => T | undefined | null | false, what = 'condition', timeoutMs = WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = (): void => {
        const v = fn();
        if (v) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  untilState(pred: (s: HubState) => boolean, what = 'state'): Promise<HubState> {
    return this.until(() => this.states.find(pred), what);
  }

  send(cmd: RemoteCommand | Record<string, unknown>): Promise<CommandAck> {
    return this.socket.timeout(WAIT_MS).emitWithAck(HUB_EVENTS.remoteCommand, cmd) as Promise<CommandAck>;
  }

  wallSend(cmd: RemoteCommand | Record<string, unknown>): Promise<CommandAck> {
    return this.socket.timeout(WAIT_MS).emitWithAck(HUB_EVENTS.wallCommand, cmd) as Promise<CommandAck>;
  }

  close(): void {
    this.socket.close();
  }
}

/** origin null: no Origin header at all (a kiosk, or a client that hides it). */
function open(url: string, ns: string, origin: string | null | undefined, auth: Record<string, unknown>): ClientSocket {
  return connect(`${url}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth,
    ...(origin == null ? {} : { extraHeaders: { origin } }),
  });
}

/** Connects and resolves once connected AND the first state arrived; rejects with the refusal reason. */
async function connected(socket: ClientSocket): Promise<Client> {
  const client = new Client(socket);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out connecting')), WAIT_MS);
    socket.once('connect_error', (err: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await client.until(() => client.state, 'first state');
  return client;
}

export function connectRemote(url: string, token: string | undefined, origin: string | null = url): Promise<Client> {
  return connected(open(url, HUB_REMOTE_NS, origin, token === undefined ? {} : { token }));
}

export function connectWall(url: string, opts: { origin?: string; wallKey?: string } = {}): Promise<Client> {
  return connected(open(url, HUB_WALL_NS, opts.origin, opts.wallKey === undefined ? {} : { wallKey: opts.wallKey }));
}

/** The reason a connection is refused with (fails the test if it connects). */
export async function refusal(p: Promise<Client>): Promise<string> {
  try {
    const c = await p;
    c.close();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('expected the connection to be refused, but it connected');
}

/** Resolves when fn() is truthy, polling (for state held by the hub itself, not by a client). */
export async function eventually<T>(fn: () => T | undefined | null | false, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
