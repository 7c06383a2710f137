/**
 * The remote's link to the hub: socket.io on HUB_REMOTE_NS with the pairing token in the handshake's auth.
 *
 * - States: kept newest-rev-first (hub-state.ts); every accepted one goes to onState.
 * - Commands: emitted with an ack; a hub that does not answer within the timeout counts as a refusal, so
 *   the presenter always sees an outcome for a tap.
 * - Refusal at the door: the hub's middleware answers 'unpaired' or 'token expired' (connect_error). The
 *   client then stops and reports it (onUnpaired) so the page goes back to pairing with the reason. Other
 *   middleware refusals (Origin) are reported too; socket.io does not retry those by itself.
 * - A hub that drops the connection on purpose ('io server disconnect', e.g. the token expired meanwhile) is
 *   asked once more, so the middleware can say why.
 * - Clock: on each connect a few HUB_EVENTS.clockSync samples are tried (hub-clock.ts); a hub that does not
 *   answer them on this namespace is fine, the countdown falls back to hints from the states.
 */
import { io, type Socket } from 'socket.io-client';
import { HUB_EVENTS, HUB_REMOTE_NS, remoteCommandSchema, type CommandAck, type HubState, type RemoteCommand, type Toast } from '../presenter/protocol';
import type { ClockSyncReply } from '../../electron/bridge-types';
import { acceptState, looksLikeHubState } from './hub-state';
import { HubClock } from './hub-clock';

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface RemoteClientOptions {
  /** Origin of the hub (the page's own origin in production); '' = same origin. */
  url: string;
  token: string;
  onState(state: HubState): void;
  onToast(toast: Toast): void;
  onStatus(status: LinkStatus, detail?: string): void;
  /** The hub refused the token: pair again. `reason` is for the presenter (Chinese). */
  onUnpaired(reason: string): void;
  /** Local clock (epoch ms); injected in tests. */
  now?: () => number;
  ackTimeoutMs?: number;
  /** Node only (tests, tools): the Origin header a browser sends by itself. */
  extraHeaders?: Record<string, string>;
}

const UNPAIRED_REASONS: Record<string, string> = {
  unpaired: '此设备尚未配对或配对已失效，请重新配对',
  'token expired': '配对已过期，请重新输入大屏上的配对码',
};

/** The hub's connect_error message → the reason to show on the pairing screen, or null if not a pairing problem. */
export function unpairedReason(message: string): string | null {
  const key = message.trim().toLowerCase();
  if (key in UNPAIRED_REASONS) return UNPAIRED_REASONS[key]!;
  if (/expired/.test(key)) return UNPAIRED_REASONS['token expired']!;
  if (/unpaired|token|unauthori[sz]ed/.test(key)) return UNPAIRED_REASONS.unpaired!;
  return null;
}

function isAck(value: unknown): value is CommandAck {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.ok === true || (v.ok === false && typeof v.error === 'string');
}

function isToast(value: unknown): value is Toast {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (v.level === 'info' || v.level === 'warn' || v.level === 'error') && typeof v.text === 'string';
}

export class RemoteClient {
  readonly clock = new HubClock();
  private readonly socket: Socket;
  private held: HubState | null = null;
  private readonly now: () => number;
  private readonly ackTimeoutMs: number;
  private closed = false;

  constructor(private readonly opts: RemoteClientOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 5000;
    this.socket = io(`${opts.url}${HUB_REMOTE_NS}`, {
      auth: { token: opts.token },
      // WebSocket only: its handshake always carries Origin, which the hub checks (a same-origin polling GET has none).
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      ...(opts.extraHeaders ? { extraHeaders: opts.extraHeaders } : {}),
    });
    opts.onStatus('connecting');
    this.socket.on('connect', () => {
      this.opts.onStatus('connected');
      void this.syncClock();
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      // A reconnect's first state is no successor of the held one: no clock hint from that pair.
      this.clock.resetHints();
      this.opts.onStatus('reconnecting', reason);
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', (err: Error) => {
      if (this.closed) return;
      const reason = unpairedReason(err.message);
      if (reason) {
        this.close();
        this.opts.onUnpaired(reason);
      } else if (!this.socket.active) {
        // Refused by middleware for another reason (Origin…): socket.io will not retry it.
        this.opts.onStatus('refused', err.message);
      } else {
        this.opts.onStatus('reconnecting', err.message);
      }
    });
    this.socket.on(HUB_EVENTS.state, (value: unknown) => {
      if (!looksLikeHubState(value)) return;
      const next = acceptState(this.held, value);
      if (next === this.held) return;
      this.clock.observe(this.held, next, this.now());
      this.held = next;
      this.opts.onState(next);
    });
    this.socket.on(HUB_EVENTS.toast, (value: unknown) => {
      if (isToast(value)) this.opts.onToast(value);
    });
  }

  get state(): HubState | null {
    return this.held;
  }

  /** Send a command; resolves with the hub's ack, or a refusal when it cannot be sent or is not answered. */
  async send(command: RemoteCommand): Promise<CommandAck> {
    const checked = remoteCommandSchema.safeParse(command);
    if (!checked.success) return { ok: false, error: `命令无效：${checked.error.issues[0]?.message ?? ''}` };
    if (!this.socket.connected) return { ok: false, error: '未连接大屏，请稍候' };
    try {
      const ack: unknown = await this.socket.timeout(this.ackTimeoutMs).emitWithAck(HUB_EVENTS.remoteCommand, checked.data);
      return isAck(ack) ? ack : { ok: false, error: '大屏回复无效' };
    } catch {
      return { ok: false, error: '大屏无响应，请重试' };
    }
  }

  /** A few NTP-style samples; the shortest round trip wins (HubClock). Silent if the hub does not answer. */
  private async syncClock(): Promise<void> {
    for (let i = 0; i < 4 && this.socket.connected && !this.closed; i++) {
      const t0 = this.now();
      try {
        const reply: unknown = await this.socket.timeout(1500).emitWithAck(HUB_EVENTS.clockSync, t0);
        const r = reply as Partial<ClockSyncReply> | null;
        if (!r || r.t0 !== t0 || typeof r.master !== 'number' || !Number.isFinite(r.master)) return;
        this.clock.addSync({ t0, master: r.master, t1: this.now() });
      } catch {
        return; // not answered here: keep the state hints
      }
    }
  }

  close(): void {
    this.closed = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
