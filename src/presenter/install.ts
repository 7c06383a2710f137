/**
 * The presenter side of the wall, installed by main.ts: scene keys through the command router, the hub
 * link when there is a hub (config / URL / auto-detected) with the wall's alerts going to it, and the
 * `presenter` hook for tests at `window.__citywall.presenter`. Without a hub the wall is as before (keys
 * switch it locally), unless it was asked to present by itself (local-tour.ts): then it plays the tour
 * and shows critical alerts on its own banner.
 */
import { io } from 'socket.io-client';
import { loadWallConfig } from '../config/load';
import { presenterConfig, type PresenterConfig } from '../config/schema';
import { listenForSceneKeys } from '../scene/keyboard';
import type { SceneStore } from '../scene/scene-store';
import type { WallStores } from '../stores';
import { exposeHook } from '../wall-hooks';
import { applyAction, localNow } from '../kiosk/clock-client';
import { hooks, until } from '../kiosk/wall-access';
import { kioskCommandSink } from '../kiosk/command-route';
import { BRIDGE_KEY } from '../../electron/bridge-types';
import { readKioskParams } from '../kiosk/viewport-params';
import { startLocalTour, type LocalTourPlayer } from '../tour/local-player';
import { watchAlerts } from '../briefing/alert-source';
import { startLocalBriefing, type LocalBriefing } from '../briefing/local-briefing';
import { chooseLocalTour } from './local-tour';
import { clearFrameAlignedTimer, firstFrame, setFrameAlignedTimer } from './frame-timer';
import { applyOnWall } from './wall-deps';
import { routeCommand, type Route } from './command-router';
import { chooseHub, detectHub, tabWallId } from './hub-target';
import { startHubLink, type AppliedCommand, type HubLink } from './hub-link';
import { wallReport } from './wall-report';
import { banner, blackout, hubLinkStatus, hubState, pairing, pairingOverride, togglePairingCard } from './wall-state';
import type { HubState } from './protocol';

export interface PresenterHook {
  /** Where the wall's hub is (null: standalone), and whether it is connected now. */
  readonly hub: string | null;
  readonly wallId: string | null;
  readonly status: string;
  readonly connected: boolean;
  readonly state: HubState | null;
  readonly applied: readonly AppliedCommand[];
  /** master − local clock offset, ms. */
  readonly offset: number;
  readonly blackout: boolean;
  readonly pairing: { code: string; remoteUrl: string } | null;
  /** Where the last key went. */
  readonly lastRoute: Route | null;
  /** The tour this wall plays by itself (no hub), or null. */
  readonly localTour: { tourId: string; index: number; playing: boolean; pausedBy: 'person' | 'hold' | null } | null;
  /** Resolves once the hub question is settled (linked, or standalone). */
  readonly ready: Promise<void>;
}

export interface PresenterInstall {
  hook: PresenterHook;
  /** The hub link once connected-or-trying; null on a standalone wall. */
  link(): HubLink | null;
  /** Resolves with the link (or null: no hub) once decided. */
  ready: Promise<HubLink | null>;
  config: Promise<PresenterConfig>;
  /** The standalone wall's own briefing queue (null with a hub, or when not presenting by itself). */
  briefing(): LocalBriefing | null;
}

export function installPresenter(stores: WallStores, scenes: SceneStore, loc: Pick<Location, 'search' | 'origin'> = window.location): PresenterInstall {
  let link: HubLink | null = null;
  let hubUrl: string | null = null;
  let wallId: string | null = null;
  let lastRoute: Route | null = null;
  let player: LocalTourPlayer | null = null;
  // Decided once, from how the page was opened (a kiosk window in tile mode, a test's broadcast clock).
  const kioskSink = kioskCommandSink();

  // Keys first and synchronously: a clicker works from the first frame, locally until a hub is found.
  listenForSceneKeys(window, (cmd) => {
    lastRoute = routeCommand(cmd, {
      hub: () => (link?.connected ? { command: (c) => link!.command(c), blackout: link.state?.blackout ?? blackout.value } : null),
      kioskSink: () => kioskSink,
      sceneIds: () => scenes.ids,
      runLocal: (c) => {
        scenes.run(c);
        // Someone at the wall is looking at something: the local tour waits (and resumes when idle).
        if (c.kind !== 'toggleInfo') player?.pause();
      },
      toggleLocalBlackout: () => {
        blackout.value = !blackout.value;
        if (blackout.value) player?.pause({ untilResumed: true });
        else player?.resume();
      },
      togglePairing: togglePairingCard,
      log: (m) => console.warn(`[citywall:presenter] ${m}`),
    });
  });

  const config = loadWallConfig().then((loaded) => presenterConfig(loaded.config));

  const ready = config.then(async (cfg) => {
    const choice = chooseHub(loc.search, cfg);
    for (const note of choice.notes) console.warn(`[citywall:presenter] ${note}`);
    if (choice.target.kind === 'off') return null;
    if (choice.target.kind === 'auto') {
      if (!(await detectHub(loc.origin))) return null;
      hubUrl = loc.origin;
    } else {
      hubUrl = choice.target.url;
    }
    wallId = choice.wallId ?? tabWallId(typeof sessionStorage === 'undefined' ? null : sessionStorage);
    let lastController: string | null | undefined;
    link = startHubLink(
      { url: hubUrl, wallId, ...(choice.wallKey !== undefined ? { wallKey: choice.wallKey } : {}) },
      {
        connect: (url, opts) => io(url, opts),
        now: localNow,
        nextFrame: (cb) => firstFrame(cb),
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (h) => clearTimeout(h as number),
        followerTimer: { set: (fn, ms) => setFrameAlignedTimer(fn, ms), clear: clearFrameAlignedTimer },
        setRepeat: (fn, ms) => setInterval(fn, ms),
        clearRepeat: (h) => clearInterval(h as number),
        apply: (action, lateMs) => {
          applyAction(action, wallId ?? 'wall', lateMs);
          if (action.kind === 'scene') auditComplete(action.sceneId);
        },
        currentScene: () => hooks().scenes?.current ?? null,
        report: () => wallReport(stores, scenes.currentId),
        onStatus: (s) => {
          hubLinkStatus.value = s;
        },
        onState: (s) => {
          // A change of hands puts the pairing card back under its rule (P was for the last situation).
          const controller = s.controller?.clientId ?? null;
          if (lastController !== undefined && controller !== lastController) pairingOverride.value = null;
          lastController = controller;
          hubState.value = s;
        },
        onPairing: (p) => {
          pairing.value = p;
        },
        log: (m) => console.warn(`[citywall:presenter] ${m}`),
      },
    );
    console.info(`[citywall:presenter] presenter hub ${hubUrl} (wall ${wallId})`);
    // Alerts the wall's data raises go to the hub's briefing queue; the hub decides about the banner.
    const linked = link;
    watchAlerts(stores, (a) => linked.alert(a));
    return link;
  });

  /** The audit log records when each wall showed a scene whole (the hub has when it was asked for). */
  const auditComplete = (sceneId: string) => {
    const scenesHook = hooks().scenes;
    if (!scenesHook) return;
    void Promise.race([scenesHook.whenComplete(sceneId), new Promise((r) => setTimeout(() => r(null), 30_000))]).then((c) => {
      const done = c as { ms?: number } | null;
      if (!done || !link || hooks().scenes?.current !== sceneId) return;
      link.audit({ at: Date.now(), what: 'scene', detail: `${sceneId} 完整显示 (${Math.round(done.ms ?? 0)} ms)`, by: `墙 ${wallId ?? ''}`.trim() });
    });
  };

  // No hub: present by itself only when asked to (local-tour.ts).
  let briefing: LocalBriefing | null = null;
  void Promise.all([ready, config]).then(async ([linked, cfg]) => {
    const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
    const kiosk = readKioskParams(loc.search, typeof bridge === 'object' && bridge !== null);
    if (linked || !(await until(() => hooks().source !== undefined, 30_000))) return;
    const source = hooks().source as { getState(): { kind?: string } } | undefined;
    const choice = chooseLocalTour(loc.search, cfg.tour, {
      demo: source?.getState().kind === 'recorded',
      hub: false,
      tile: kiosk.clock !== 'none' || kiosk.wallViewport !== null,
    });
    if (!choice.tour) {
      if (cfg.tour !== 'off' || new URLSearchParams(loc.search).has('tour')) console.info(`[citywall:presenter] no local tour: ${choice.reason}`);
      return;
    }
    console.info(`[citywall:presenter] playing ${choice.reason} on this wall (no presenter hub)`);
    player = startLocalTour(choice.tour, {
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h),
      goTo: (sceneId, step) => void applyOnWall({ kind: 'scene', sceneId, ...(step.camera ? { camera: step.camera } : {}), highlight: step.highlight ?? null }),
    });
    briefing = startLocalBriefing(stores, {
      onBanner: (a) => {
        banner.value = a ? { id: a.id, severity: a.severity, title: a.title, detail: a.detail } : null;
      },
      onOpen: (t) => {
        if (t.sceneId) void applyOnWall({ kind: 'scene', sceneId: t.sceneId });
        if (t.focus) void applyOnWall({ kind: 'focus', target: t.focus });
      },
    });
  });

  const hook: PresenterHook = {
    get hub() {
      return hubUrl;
    },
    get wallId() {
      return wallId;
    },
    get status() {
      return hubLinkStatus.value;
    },
    get connected() {
      return link?.connected ?? false;
    },
    get state() {
      return link?.state ?? null;
    },
    get applied() {
      return link?.applied ?? [];
    },
    get offset() {
      return link?.offset ?? 0;
    },
    get blackout() {
      return blackout.value;
    },
    get pairing() {
      return pairing.value ? { code: pairing.value.code, remoteUrl: pairing.value.remoteUrl } : null;
    },
    get lastRoute() {
      return lastRoute;
    },
    get localTour() {
      if (!player) return null;
      const p = player.playback();
      return { tourId: p.tourId, index: p.index, playing: p.playing, pausedBy: player.pausedBy };
    },
    ready: ready.then(() => undefined),
  };
  exposeHook('presenter', hook);
  return { hook, link: () => link, ready, config, briefing: () => briefing };
}
