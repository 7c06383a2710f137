/**
 * The panel registry: the one place a new kind of panel is added (after Cesium's registered
 * visualizers). A scene names a `kind`; the registry says which component renders it, which bindings
 * it can show and the least height (wall units) at which it stays legible. Components load lazily,
 * so this table is importable anywhere (scene validation, layout tests) without a Vue compiler.
 */
import { defineAsyncComponent, type Component } from 'vue';
import type { BindingId } from '../scene/bindings';

export interface PanelKindDef {
  component: Component;
  bindings: readonly BindingId[];
  /** Least height in wall units (1080 = full wall height) with 24-unit labels and 48-unit figures. */
  minHeight: number;
  /** Slots the kind is designed for: side columns, or a centre strip above/below the map. */
  slots: readonly ('left' | 'right' | 'top' | 'bottom')[];
}

export const PANEL_REGISTRY = {
  kpi: {
    component: defineAsyncComponent(() => import('./KpiStrip.vue')),
    bindings: ['cases.kpis'],
    minHeight: 150,
    slots: ['top', 'bottom'],
  },
  stageFlow: {
    component: defineAsyncComponent(() => import('./StageFlow.vue')),
    bindings: ['cases.stages'],
    minHeight: 150,
    slots: ['top', 'bottom'],
  },
  ranking: {
    component: defineAsyncComponent(() => import('./RankingBars.vue')),
    bindings: ['cases.byUnit', 'cases.byCategory'],
    minHeight: 320,
    slots: ['left', 'right'],
  },
  rose: {
    component: defineAsyncComponent(() => import('./ChannelRose.vue')),
    bindings: ['cases.byChannel', 'cases.byCategory'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
  trend: {
    component: defineAsyncComponent(() => import('./TrendChart.vue')),
    bindings: ['cases.trend'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
  rates: {
    component: defineAsyncComponent(() => import('./RatesPanel.vue')),
    bindings: ['rates.units'],
    minHeight: 260,
    slots: ['left', 'right'],
  },
  systems: {
    component: defineAsyncComponent(() => import('./SystemsGrid.vue')),
    bindings: ['industry.systems'],
    minHeight: 300,
    slots: ['left', 'right'],
  },
  volumes: {
    component: defineAsyncComponent(() => import('./VolumeBars.vue')),
    bindings: ['data.volumes'],
    minHeight: 240,
    slots: ['left', 'right'],
  },
} as const satisfies Record<string, PanelKindDef>;

export type PanelKind = keyof typeof PANEL_REGISTRY;
export const PANEL_KINDS = Object.keys(PANEL_REGISTRY) as [PanelKind, ...PanelKind[]];

export function panelKind(kind: PanelKind): PanelKindDef {
  return PANEL_REGISTRY[kind];
}
