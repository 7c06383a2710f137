/**
 * The panel registry: the one place a new kind of panel is added (after Cesium's registered
 * visualizers). A scene names a `kind`; the registry says which component renders it, which bindings
 * it can show and the least height (wall units) at which it stays legible. Components load lazily,
 * so this table is importable anywhere (scene validation, layout tests) without a Vue compiler.
 */
import { defineAsyncComponent, type Component } from 'vue';
import type { DataShape } from './types';

export interface PanelKindDef {
  component: Component;
  /** Data shapes the kind draws (panels/types.ts DataShapes); a scene may bind it to any binding of these. */
  shapes: readonly DataShape[];
  /** Least height in wall units (1080 = full wall height) with 24-unit labels and 48-unit figures. */
  minHeight: number;
  /** Slots the kind is designed for: side columns, or a centre strip above/below the map. */
  slots: readonly ('left' | 'right' | 'top' | 'bottom')[];
}

export const PANEL_REGISTRY = {
  kpi: {
    component: defineAsyncComponent(() => import('./KpiStrip.vue')),
    shapes: ['kpis'],
    minHeight: 150,
    slots: ['top', 'bottom'],
  },
  stageFlow: {
    component: defineAsyncComponent(() => import('./StageFlow.vue')),
    shapes: ['namedCounts'],
    minHeight: 150,
    slots: ['top', 'bottom'],
  },
  ranking: {
    component: defineAsyncComponent(() => import('./RankingBars.vue')),
    shapes: ['namedCounts'],
    minHeight: 320,
    slots: ['left', 'right'],
  },
  rose: {
    component: defineAsyncComponent(() => import('./ChannelRose.vue')),
    shapes: ['namedCounts'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
  trend: {
    component: defineAsyncComponent(() => import('./TrendChart.vue')),
    shapes: ['trendDays'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
  rates: {
    component: defineAsyncComponent(() => import('./RatesPanel.vue')),
    shapes: ['rates'],
    minHeight: 280,
    slots: ['left', 'right'],
  },
  systems: {
    component: defineAsyncComponent(() => import('./SystemsGrid.vue')),
    shapes: ['systems'],
    minHeight: 300,
    slots: ['left', 'right'],
  },
  volumes: {
    component: defineAsyncComponent(() => import('./VolumeBars.vue')),
    shapes: ['volumes'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
  // ---- The generic panel library (any domain binds to these through its data shape) ----
  figures: {
    component: defineAsyncComponent(() => import('./FiguresGrid.vue')),
    shapes: ['kpis'],
    minHeight: 280,
    slots: ['left', 'right'],
  },
  pie: {
    component: defineAsyncComponent(() => import('./RingPie.vue')),
    shapes: ['namedCounts'],
    minHeight: 260,
    slots: ['left', 'right'],
  },
  funnel: {
    component: defineAsyncComponent(() => import('./LoopFunnel.vue')),
    shapes: ['namedCounts'],
    minHeight: 300,
    slots: ['left', 'right'],
  },
  series: {
    component: defineAsyncComponent(() => import('./SeriesChart.vue')),
    shapes: ['series'],
    minHeight: 260,
    slots: ['left', 'right', 'top', 'bottom'],
  },
  gauge: {
    component: defineAsyncComponent(() => import('./GaugePanel.vue')),
    shapes: ['gauge'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
  gaugeSet: {
    component: defineAsyncComponent(() => import('./GaugeSetPanel.vue')),
    shapes: ['gaugeSet'],
    minHeight: 240,
    slots: ['left', 'right', 'top', 'bottom'],
  },
  calendar: {
    component: defineAsyncComponent(() => import('./CalendarHeat.vue')),
    shapes: ['calendar'],
    minHeight: 300,
    slots: ['left', 'right'],
  },
  table: {
    component: defineAsyncComponent(() => import('./ScrollTable.vue')),
    shapes: ['table'],
    minHeight: 220,
    slots: ['left', 'right', 'bottom'],
  },
  alarms: {
    component: defineAsyncComponent(() => import('./AlarmList.vue')),
    shapes: ['alarms'],
    minHeight: 220,
    slots: ['left', 'right'],
  },
  suggestions: {
    component: defineAsyncComponent(() => import('./SuggestionList.vue')),
    shapes: ['suggestions'],
    minHeight: 300,
    slots: ['left', 'right'],
  },
  docList: {
    component: defineAsyncComponent(() => import('./DocList.vue')),
    shapes: ['docList'],
    minHeight: 200,
    slots: ['left', 'right'],
  },
} as const satisfies Record<string, PanelKindDef>;

export type PanelKind = keyof typeof PANEL_REGISTRY;
export const PANEL_KINDS = Object.keys(PANEL_REGISTRY) as [PanelKind, ...PanelKind[]];

export function panelKind(kind: PanelKind): PanelKindDef {
  return PANEL_REGISTRY[kind];
}
