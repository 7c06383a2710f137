/**
 * The facility card's content (FacilityCard.vue draws it): a picked facility plus what the wall knows
 * about it — status, last inspection, the open cases and lifeline alarms that concern it — as rows of
 * plain text. Pure: tested on fixed inputs, including hostile text (case addresses and alarm places are
 * untrusted and only ever become text nodes; nothing here builds markup).
 */
import { UNITS } from '../../data-adapters/domain';
import {
  FACILITY_STATUSES,
  INSPECTION_OVERDUE_DAYS,
  MANHOLE_TYPE_ZH,
  PIPE_MATERIAL_ZH,
  PIPE_NETWORK_ZH,
  STATUS_LABEL_ZH,
  formatFacilityCode,
  inspectionDate,
  inspectionDay,
  type FacilityKind,
  type FacilityStatus,
  type ManholeType,
  type PipeMaterial,
  type PipeNetwork,
} from '../facilities/schema';

/**
 * What the map reports for a pick (wall-map.ts `pickFacility`: kind, id, type, status, lon, lat), and,
 * when the pick carries the row's other columns (src/facilities/describe.ts `describeRow`), those too.
 */
export interface CardFacility {
  kind: FacilityKind;
  id: number;
  /** Manhole network, lamp type or pipe network (schema enums). */
  type: string;
  status: FacilityStatus;
  lon: number;
  lat: number;
  unit?: string;
  inspectedDay?: number;
  material?: string;
  diameter?: number;
  installYear?: number;
  watts?: number;
}

/** An open case as the cases store follows it (reducers/cases.ts TrackedCase). */
export interface CardCase {
  caseId: string;
  address: string;
  lon: number;
  lat: number;
  stage: string;
}

/** A lifeline alarm (lifeline.status), for alarms placed on or naming the facility. */
export interface CardAlarm {
  id: string;
  kind: string;
  place: string;
  lon: number;
  lat: number;
  state: string;
  caseId: string | null;
}

export type CardTone = 'normal' | 'alert' | 'warn' | 'offline' | 'good';

export interface CardRow {
  id: string;
  label: string;
  value: string;
  tone: CardTone;
}

export interface CardLink {
  id: string;
  text: string;
}

export interface FacilityCardContent {
  code: string;
  title: string;
  rows: CardRow[];
  /** Open cases and lifeline alarms concerning the facility, at most MAX_CARD_LINKS. */
  links: CardLink[];
  /** How many matched in all (the card says "等 N 件" when more than it shows). */
  linkCount: number;
}

/** Cases and alarms within this distance of the facility concern it (a manhole cover, a lamp post). */
export const CARD_LINK_RADIUS_M = 30;
export const MAX_CARD_LINKS = 4;
/** Text from the feed is cut to this many characters on the card. */
const MAX_TEXT = 40;

const KIND_ZH: Readonly<Record<FacilityKind, string>> = { manholes: '井盖', streetlights: '路灯', pipes: '管线' };
const LAMP_ZH: Readonly<Record<string, string>> = { led: 'LED', sodium: '高压钠灯' };
const STAGE_ZH: Readonly<Record<string, string>> = {
  discover: '发现', register: '立案', dispatch: '派单', handle: '处置', verify: '核查', close: '结案',
};
const ALARM_STATE_ZH: Readonly<Record<string, string>> = {
  pending: '待研判', ticketed: '已转工单', handling: '处置中', cleared: '已解除', closed: '已结案',
};
const STATUS_TONE: Readonly<Record<FacilityStatus, CardTone>> = { normal: 'good', alarm: 'alert', offline: 'offline', repair: 'warn' };

/** Distance in metres (equirectangular: tens of metres only). */
export function metresBetween(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const dx = (lon2 - lon1) * 111_320 * k;
  const dy = (lat2 - lat1) * 110_574;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Untrusted text made safe to show as one line: control characters and line breaks become spaces,
 * the length is capped. (It is still rendered with text interpolation only: markup stays literal.)
 */
export function plainText(s: string, max = MAX_TEXT): string {
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function typeLabel(f: CardFacility): string {
  switch (f.kind) {
    case 'manholes':
      return `${MANHOLE_TYPE_ZH[f.type as ManholeType] ?? f.type}井盖`;
    case 'streetlights':
      return `${LAMP_ZH[f.type] ?? f.type}路灯${f.watts ? ` ${f.watts}W` : ''}`;
    case 'pipes':
      return `${PIPE_NETWORK_ZH[f.type as PipeNetwork] ?? f.type}管线`;
  }
}

function inspectionRow(day: number, now: number): CardRow {
  const ago = inspectionDay(now) - day;
  const overdue = ago > INSPECTION_OVERDUE_DAYS;
  const when = ago <= 0 ? '今日' : `${ago}天前`;
  return { id: 'inspected', label: '最近巡检', value: `${inspectionDate(day)}（${when}${overdue ? '，已超期' : ''}）`, tone: overdue ? 'alert' : 'normal' };
}

/** What the card reads besides the facility, when it opens and while it is open. */
export interface FacilityCardContext {
  now: number;
  openCases: Iterable<CardCase>;
  alarms: readonly CardAlarm[];
}

export interface CardInput {
  facility: CardFacility;
  /** The data clock (epoch ms): inspection age. */
  now: number;
  openCases: Iterable<CardCase>;
  alarms?: readonly CardAlarm[];
}

/** The card's rows. Never throws on odd input: unknown codes show as they are. */
export function buildFacilityCard({ facility: f, now, openCases, alarms = [] }: CardInput): FacilityCardContent {
  const code = formatFacilityCode(f.kind, f.id);
  const status: FacilityStatus = (FACILITY_STATUSES as readonly string[]).includes(f.status) ? f.status : 'normal';
  const rows: CardRow[] = [
    { id: 'code', label: '编号', value: code, tone: 'normal' },
    { id: 'type', label: '类型', value: typeLabel(f), tone: 'normal' },
    { id: 'status', label: '状态', value: STATUS_LABEL_ZH[status], tone: STATUS_TONE[status] },
  ];
  const unit = f.unit === undefined ? undefined : UNITS.find((u) => u.id === f.unit);
  if (unit) rows.push({ id: 'unit', label: '所属', value: unit.name, tone: 'normal' });
  if (f.inspectedDay !== undefined) rows.push(inspectionRow(f.inspectedDay, now));
  if (f.kind === 'pipes') {
    if (f.material !== undefined) rows.push({ id: 'material', label: '管材', value: PIPE_MATERIAL_ZH[f.material as PipeMaterial] ?? f.material, tone: 'normal' });
    if (f.diameter !== undefined) rows.push({ id: 'diameter', label: '管径', value: `DN${f.diameter}`, tone: 'normal' });
    if (f.installYear !== undefined) {
      const age = new Date(now).getUTCFullYear() - f.installYear;
      rows.push({ id: 'installYear', label: '建设年代', value: `${f.installYear}年（${age}年）`, tone: age >= 30 ? 'warn' : 'normal' });
    }
  }
  rows.push({ id: 'position', label: '坐标', value: `${f.lon.toFixed(6)}, ${f.lat.toFixed(6)}`, tone: 'normal' });

  const near = (lon: number, lat: number): boolean => metresBetween(f.lon, f.lat, lon, lat) <= CARD_LINK_RADIUS_M;
  const links: CardLink[] = [];
  const seen = new Set<string>();
  for (const c of openCases) {
    if (seen.has(c.caseId) || !(c.address.includes(code) || near(c.lon, c.lat))) continue;
    seen.add(c.caseId);
    links.push({ id: `case:${c.caseId}`, text: plainText(`${c.caseId} ${STAGE_ZH[c.stage] ?? c.stage} ${c.address}`) });
  }
  for (const a of alarms) {
    if (!(a.place.includes(code) || near(a.lon, a.lat))) continue;
    // The work order the alarm became is listed once, as the case.
    if (a.caseId !== null && seen.has(a.caseId)) continue;
    links.push({ id: `alarm:${a.id}`, text: plainText(`${a.kind} ${ALARM_STATE_ZH[a.state] ?? a.state}${a.caseId ? ` ${a.caseId}` : ''}`) });
  }
  return { code, title: `${KIND_ZH[f.kind]} ${code}`, rows, links: links.slice(0, MAX_CARD_LINKS), linkCount: links.length };
}

/** The card's time limit on the wall: nobody is there to close it. */
export const CARD_TIMEOUT_MS = 20_000;

/** Where the card goes: beside the point, flipped to stay inside the map box. */
export function cardPosition(x: number, y: number, box: { w: number; h: number }, card: { w: number; h: number }, gap = 16): { left: number; top: number } {
  let left = x + gap;
  if (left + card.w > box.w) left = x - gap - card.w;
  let top = y - card.h / 2;
  top = Math.min(Math.max(0, top), Math.max(0, box.h - card.h));
  return { left: Math.max(0, left), top };
}
