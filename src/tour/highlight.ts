/**
 * Tour and presenter highlights on the wall (browser only): the panel being talked about gets a glowing
 * frame, the unit gets a ring with its name on the map. `applyHighlight(null)` clears both.
 *
 * Panels: marked with the attribute `data-tour-highlight` (highlight.css), not a class — Vue owns the
 * panel's `class` and rewrites it whenever a bound class changes (stale, feed error), which would drop
 * ours; it leaves attributes it does not bind alone. The highlight is remembered, not just applied once:
 * a scene step sends "scene X, highlight panel P" and X's panels mount after the switch, so a
 * MutationObserver marks every panel-P element that appears until the highlight changes. Panel ids repeat
 * across scenes ('kpis'); the scene switch removes the old scene's elements, so only X's stays marked.
 *
 * Units: the map draws the unit's outline brighter (map hook `highlightUnit`), and a ring with the unit's
 * name is a DOM element inside the map box, placed at the unit's centre (unit-centers.ts) through the map
 * hook's `project()` (window.__citywall.map) — so it follows the camera, including flights, and is hidden
 * when the point is off screen or the map is not ready. Callers that want the camera there too fly to
 * `unitCamera(unitId)`.
 */
import './highlight.css';
import { UNITS } from '../../data-adapters/domain';
import { unitCenter } from './unit-centers';

export interface Highlight {
  panelId?: string;
  unitId?: string;
}

export const HIGHLIGHT_ATTR = 'data-tour-highlight';
/** How often the unit ring follows the camera when it is not flying (it moves only with the camera). */
const UNIT_POLL_MS = 250;

interface MapProjector {
  readonly ready: boolean;
  readonly flying: boolean;
  project(points: [number, number][]): { cesium: [number, number][] };
  highlightUnit?(unitId: string | null): void;
}

let wanted: Highlight | null = null;
let observer: MutationObserver | null = null;
let marker: HTMLElement | null = null;
let follow: { timer: ReturnType<typeof setTimeout> | null; raf: number | null } = { timer: null, raf: null };
let lastPos = '';

/** Show this highlight (replacing any other); null or an empty one clears. */
export function applyHighlight(h: Highlight | null): void {
  if (typeof document === 'undefined') return;
  const panelId = h?.panelId || undefined;
  const unitId = h?.unitId && unitCenter(h.unitId) ? h.unitId : undefined;
  wanted = panelId || unitId ? { panelId, unitId } : null;
  syncPanels();
  syncObserver();
  syncUnit();
}

/** What is highlighted now (for the wall's hooks and tests). */
export function currentHighlight(): Highlight | null {
  return wanted ? { ...wanted } : null;
}

function panelSelector(panelId: string): string {
  return `[data-testid="panel-${cssEscape(panelId)}"]`;
}

function syncPanels(): void {
  const want = wanted?.panelId ? panelSelector(wanted.panelId) : null;
  for (const el of document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)) {
    if (!want || !el.matches(want)) el.removeAttribute(HIGHLIGHT_ATTR);
  }
  if (!want) return;
  for (const el of document.querySelectorAll(want)) {
    if (!el.hasAttribute(HIGHLIGHT_ATTR)) el.setAttribute(HIGHLIGHT_ATTR, '');
  }
}

function syncObserver(): void {
  if (wanted && !observer && typeof MutationObserver !== 'undefined') {
    // childList only: our own attribute writes do not call us back, panel content updates are cheap to check.
    observer = new MutationObserver((records) => {
      if (records.some((r) => r.addedNodes.length > 0)) {
        syncPanels();
        if (wanted?.unitId && !marker?.isConnected) syncUnit();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  } else if (!wanted && observer) {
    observer.disconnect();
    observer = null;
  }
}

function mapHook(): MapProjector | null {
  const map = (window.__citywall as { map?: MapProjector } | undefined)?.map;
  return map && typeof map.project === 'function' ? map : null;
}

function syncUnit(): void {
  stopFollowing();
  const unitId = wanted?.unitId;
  mapHook()?.highlightUnit?.(unitId ?? null);
  if (!unitId) {
    marker?.remove();
    marker = null;
    return;
  }
  const host = document.querySelector<HTMLElement>('.wall-map');
  if (!host) {
    // No map on the page yet: the observer calls back once it mounts.
    marker?.remove();
    marker = null;
    return;
  }
  if (!marker || marker.dataset.unit !== unitId || marker.parentElement !== host) {
    marker?.remove();
    marker = buildMarker(unitId);
    host.appendChild(marker);
    lastPos = '';
  }
  followCamera();
}

function buildMarker(unitId: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'tour-unit-marker';
  el.dataset.testid = 'tour-unit-marker';
  el.dataset.unit = unitId;
  el.hidden = true;
  const ring = document.createElement('div');
  ring.className = 'tour-unit-marker__ring';
  const wave = document.createElement('div');
  wave.className = 'tour-unit-marker__ring tour-unit-marker__ring--wave';
  const name = document.createElement('div');
  name.className = 'tour-unit-marker__name';
  // Ids come from the remote: only a known unit's name is shown, and as text.
  name.textContent = UNITS.find((u) => u.id === unitId)?.name ?? unitId;
  el.append(ring, wave, name);
  return el;
}

/** Keep the ring on the unit: every frame while the camera flies, a few times a second otherwise. */
function followCamera(): void {
  const tick = () => {
    follow = { timer: null, raf: null };
    if (!marker || !wanted?.unitId) return;
    const map = mapHook();
    placeMarker(map, wanted.unitId);
    if (map?.flying && typeof requestAnimationFrame !== 'undefined') follow.raf = requestAnimationFrame(tick);
    else follow.timer = setTimeout(tick, UNIT_POLL_MS);
  };
  tick();
}

function placeMarker(map: MapProjector | null, unitId: string): void {
  if (!marker) return;
  const c = unitCenter(unitId);
  const host = marker.parentElement;
  const p = map?.ready && c ? map.project([[c.lon, c.lat]]).cesium[0] : undefined;
  const inside =
    !!p && !!host && Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[0] >= 0 && p[1] >= 0 && p[0] <= host.clientWidth && p[1] <= host.clientHeight;
  if (!inside) {
    marker.hidden = true;
    lastPos = '';
    return;
  }
  const pos = `translate(${Math.round(p[0])}px, ${Math.round(p[1])}px)`;
  // Write only when it moved: a style write on an idle map would still cost a style recalc per tick.
  if (pos !== lastPos) {
    marker.style.transform = pos;
    lastPos = pos;
  }
  marker.hidden = false;
}

function stopFollowing(): void {
  if (follow.timer !== null) clearTimeout(follow.timer);
  if (follow.raf !== null && typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(follow.raf);
  follow = { timer: null, raf: null };
}

function cssEscape(s: string): string {
  if (typeof CSS !== 'undefined' && typeof CSS.escape === 'function') return CSS.escape(s);
  return s.replace(/["\\]/g, '\\$&');
}
