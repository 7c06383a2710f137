/**
 * The wall's tooltip. Its content is built as DOM nodes whose text is set with `textContent` (ECharts
 * accepts an element from the formatter), so no data string is ever parsed as HTML; ECharts' own
 * default formatter is never used. ECharts' rich-text tooltip mode would avoid the DOM too, but it
 * draws plain text at a fixed 12 px, far below the wall's 24-unit minimum.
 */
import type { TooltipComponentOption } from 'echarts';
import { WALL, WALL_FONT } from '../tokens';
import { ellipsize } from '../panel-format';

/** What a tooltip says: a title and `name  value` lines (all plain text). */
export interface TipModel {
  title: string;
  lines: { name: string; value: string }[];
}

export type TipBuilder = (params: unknown) => TipModel | null;

/** The tooltip's text shortened to fit a side panel (names end in '…'). */
export function tipModel(title: string, lines: readonly { name: string; value: string }[], maxEm = 14): TipModel {
  return { title: ellipsize(title, maxEm), lines: lines.map((l) => ({ name: ellipsize(l.name, maxEm - 5), value: ellipsize(l.value, 10) })) };
}

/** The model as DOM: text only, through textContent. */
export function tipElement(model: TipModel): HTMLElement {
  const root = document.createElement('div');
  root.className = 'wall-tip';
  root.setAttribute('data-testid', 'chart-tooltip');
  root.style.cssText = `font: 24px/34px ${WALL_FONT}; color: ${WALL.text}; white-space: nowrap; font-variant-numeric: tabular-nums;`;
  const title = document.createElement('div');
  title.style.cssText = `color: ${WALL.cyan}; font-weight: 700;`;
  title.textContent = model.title;
  root.append(title);
  for (const line of model.lines) {
    const row = document.createElement('div');
    row.style.cssText = 'display: flex; gap: 16px; justify-content: space-between;';
    const name = document.createElement('span');
    name.style.color = WALL.textDim;
    name.textContent = line.name;
    const value = document.createElement('b');
    value.textContent = line.value;
    row.append(name, value);
    root.append(row);
  }
  return root;
}

export function wallTooltip(trigger: 'item' | 'axis', build: TipBuilder, axisPointer: 'line' | 'shadow' = 'line'): TooltipComponentOption {
  return {
    trigger,
    renderMode: 'html',
    confine: true,
    enterable: false,
    transitionDuration: 0.3,
    formatter: ((params: unknown) => {
      const model = build(params);
      return model ? tipElement(model) : '';
    }) as unknown as TooltipComponentOption['formatter'],
    backgroundColor: 'rgba(2, 11, 31, 0.94)',
    borderColor: WALL.cyan,
    borderWidth: 1,
    padding: [8, 14],
    textStyle: { fontSize: 24, color: WALL.text, fontFamily: WALL_FONT },
    extraCssText: 'box-shadow: 0 0 16px rgba(34,211,238,0.35); border-radius: 4px;',
    ...(trigger === 'axis' ? { axisPointer: { type: axisPointer, lineStyle: { color: WALL.cyan, width: 1 }, shadowStyle: { color: 'rgba(34,211,238,0.08)' } } } : {}),
  };
}

/** Narrowing for ECharts' formatter params (one item, or a list for axis tooltips). */
export interface TipParam {
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name?: string;
  value?: unknown;
}
export function tipParams(params: unknown): TipParam[] {
  const list = Array.isArray(params) ? params : [params];
  return list.filter((p): p is TipParam => typeof p === 'object' && p !== null && typeof (p as TipParam).dataIndex === 'number');
}
