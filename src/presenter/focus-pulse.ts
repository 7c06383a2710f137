/**
 * The pulse of a focused alarm: a breathing ring over the map at the alarm's point, kept on the point
 * while the camera flies (projected through the map hook every frame). DOM only, no engine code: the map
 * draws its own points; this is the presenter's pointer on top of them. One at a time.
 */
import type { LonLat } from './apply-action';

interface ProjectingMap {
  readonly ready: boolean;
  project(points: [number, number][]): { cesium: [number, number][] };
}

const STYLE_ID = 'citywall-focus-pulse-style';
const CSS = `
.focus-pulse{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:5}
.focus-pulse::before,.focus-pulse::after{content:'';position:absolute;left:-36px;top:-36px;width:72px;height:72px;border-radius:50%;border:4px solid #f87171;box-shadow:0 0 18px #f87171;animation:focus-pulse 1.6s ease-out infinite}
.focus-pulse::after{animation-delay:.8s}
@keyframes focus-pulse{from{transform:scale(.35);opacity:1}to{transform:scale(1.6);opacity:0}}`;

let stop: (() => void) | null = null;

export function showFocusPulse(at: LonLat | null, map: () => ProjectingMap | undefined = defaultMap): void {
  stop?.();
  stop = null;
  if (!at || typeof document === 'undefined') return;
  const host = document.querySelector<HTMLElement>('.wall-map');
  if (!host) return;
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }
  const el = document.createElement('div');
  el.className = 'focus-pulse';
  el.dataset.testid = 'focus-pulse';
  host.appendChild(el);
  let frame = 0;
  const follow = () => {
    const m = map();
    const p = m?.ready ? m.project([[at[0], at[1]]]).cesium[0] : undefined;
    const visible = p !== undefined && Number.isFinite(p[0]) && Number.isFinite(p[1]);
    el.style.display = visible ? '' : 'none';
    if (visible) el.style.transform = `translate(${p[0]}px, ${p[1]}px)`;
    frame = requestAnimationFrame(follow);
  };
  follow();
  stop = () => {
    cancelAnimationFrame(frame);
    el.remove();
  };
}

function defaultMap(): ProjectingMap | undefined {
  return (window.__citywall?.map ?? undefined) as ProjectingMap | undefined;
}
