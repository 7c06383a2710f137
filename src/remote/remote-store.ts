/**
 * The remote page's state in one place (provided to every component): the pairing session, the link to
 * the hub, the HubState held, notices for the presenter (refusals, hub toasts) and the handover asked of
 * this remote. Components read it and call `send`; only this module talks to the hub client.
 */
import { computed, ref, shallowRef, type InjectionKey } from 'vue';
import type { CommandAck, HubState, RemoteCommand, Toast } from '../presenter/protocol';
import { RemoteClient, type LinkStatus } from './hub-client';
import { pair } from './pairing';
import { clearSession, lastDeviceName, loadSession, saveSession, type RemoteSession } from './session';

export interface Notice {
  id: number;
  level: 'info' | 'warn' | 'error';
  text: string;
}

export interface RemoteEnv {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Hub origin; '' = this page's origin (the hub serves the page). */
  hubUrl: string;
  now?: () => number;
}

const NOTICE_MS = { info: 3500, warn: 5000, error: 6000 } as const;

export function createRemoteStore(env: RemoteEnv) {
  const now = env.now ?? (() => Date.now());
  const session = ref<RemoteSession | null>(null);
  const pairReason = ref<string | null>(null);
  const state = shallowRef<HubState | null>(null);
  const link = ref<LinkStatus>('connecting');
  const linkDetail = ref('');
  const notices = ref<Notice[]>([]);
  /** A handover asked of this remote by a hub toast (the state's `handover` says the same once it arrives). */
  const toastHandover = ref<{ clientId: string; name: string } | null>(null);
  /** Commands waiting for their ack, by a caller's key (buttons show they are busy). */
  const busy = ref<Record<string, boolean>>({});
  let client: RemoteClient | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  let noticeSeq = 0;

  const clientId = computed(() => session.value?.clientId ?? null);
  const inControl = computed(() => !!state.value?.controller && state.value.controller.clientId === clientId.value);
  /** Someone asked this remote (the controller) to hand over. */
  const handoverAsked = computed(() => {
    const s = state.value;
    if (s?.handover && inControl.value) return { clientId: s.handover.toClientId, name: s.handover.toName };
    return toastHandover.value;
  });
  /** This remote asked to take over and waits for the controller. */
  const waitingForHandover = computed(() => !!state.value?.handover && state.value.handover.toClientId === clientId.value);

  function notify(level: Notice['level'], text: string): void {
    const id = ++noticeSeq;
    notices.value = [...notices.value.slice(-3), { id, level, text }];
    setTimeout(() => dismiss(id), NOTICE_MS[level]);
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id);
  }

  function stopClient(): void {
    client?.close();
    client = null;
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = null;
  }

  function backToPairing(reason: string | null): void {
    stopClient();
    clearSession(env.storage);
    session.value = null;
    state.value = null;
    toastHandover.value = null;
    pairReason.value = reason;
  }

  function connect(s: RemoteSession): void {
    stopClient();
    session.value = s;
    pairReason.value = null;
    client = new RemoteClient({
      url: env.hubUrl,
      token: s.token,
      now,
      onState: (next) => {
        state.value = next;
        if (toastHandover.value && !next.handover) toastHandover.value = null;
      },
      onToast: (toast: Toast) => {
        if (toast.handoverFrom) toastHandover.value = { ...toast.handoverFrom };
        notify(toast.level, toast.text);
      },
      onStatus: (status, detail) => {
        link.value = status;
        linkDetail.value = detail ?? '';
      },
      onUnpaired: (reason) => backToPairing(reason),
    });
    // The hub refuses an expired token at the next connect; say so at the instant rather than at a reconnect.
    const left = s.expiresAt - now();
    if (left < 2 ** 31 - 1) expiryTimer = setTimeout(() => backToPairing('配对已过期，请重新输入大屏上的配对码'), Math.max(0, left));
  }

  /** Resume a stored pairing, if any. */
  function start(): void {
    const loaded = loadSession(env.storage, now());
    if (loaded.session) connect(loaded.session);
    else pairReason.value = loaded.reason;
  }

  async function pairWith(code: string, name: string): Promise<{ ok: true } | { ok: false; message: string; detail: string }> {
    const result = await pair(code, name, { base: env.hubUrl });
    if (!result.ok) return result;
    saveSession(env.storage, result.session);
    connect(result.session);
    return { ok: true };
  }

  /** Send a command; a refusal becomes a notice with the hub's words. `key` marks a button busy meanwhile. */
  async function send(command: RemoteCommand, key?: string): Promise<CommandAck> {
    if (!client) return { ok: false, error: '未配对' };
    if (key) busy.value = { ...busy.value, [key]: true };
    try {
      const ack = await client.send(command);
      if (!ack.ok) notify('error', `未执行：${ack.error}`);
      return ack;
    } finally {
      if (key) busy.value = { ...busy.value, [key]: false };
    }
  }

  async function answerHandover(accept: boolean): Promise<void> {
    const ack = await send({ kind: 'control', action: accept ? 'accept' : 'decline' }, 'handover');
    if (ack.ok) toastHandover.value = null;
  }

  /** Master-clock now for countdowns (hub-clock.ts). */
  function masterNow(local: number): number {
    return client ? client.clock.masterNow(local) : local;
  }

  return {
    session,
    pairReason,
    state,
    link,
    linkDetail,
    notices,
    busy,
    clientId,
    inControl,
    handoverAsked,
    waitingForHandover,
    start,
    pairWith,
    send,
    answerHandover,
    masterNow,
    notify,
    dismiss,
    forget: () => backToPairing(null),
    lastDeviceName: () => lastDeviceName(env.storage),
    stop: stopClient,
  };
}

export type RemoteStore = ReturnType<typeof createRemoteStore>;
export const REMOTE_STORE: InjectionKey<RemoteStore> = Symbol('remote-store');
