/** The ring pie: option, legend rows that fit, and its tooltip. */
import type { EChartsOption } from 'echarts';
import { WALL, fmtFixed, fmtInt } from '../tokens';
import { carouselStops, type CarouselPlan } from '../carousel';
import type { NamedCount } from '../types';
import { tipModel, tipParams, wallTooltip } from './tooltip';

export interface ShareRow extends NamedCount {
  color: string;
  share: number;
}

/** Rows with their colour and share of the total, in the order given. */
export function shareRows(rows: readonly NamedCount[]): ShareRow[] {
  const total = rows.reduce((t, r) => t + Math.max(0, r.value), 0);
  return rows.map((r, i) => ({ ...r, color: WALL.series[i % WALL.series.length]!, share: total > 0 ? (100 * Math.max(0, r.value)) / total : 0 }));
}

/**
 * The legend's rows when only `fit` lines fit: the largest rows first; when some are left out, the last
 * line sums them as '其他 N 项'.
 */
export function legendRows(rows: readonly ShareRow[], fit: number): ShareRow[] {
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  if (sorted.length <= fit) return sorted;
  const keep = sorted.slice(0, Math.max(0, fit - 1));
  const rest = sorted.slice(keep.length);
  return [
    ...keep,
    {
      id: '__rest',
      name: `其他 ${rest.length} 项`,
      value: rest.reduce((t, r) => t + r.value, 0),
      share: rest.reduce((t, r) => t + r.share, 0),
      color: WALL.textDim,
    },
  ];
}

export function pieOption(rows: readonly ShareRow[], unit: string): EChartsOption {
  return {
    animationDurationUpdate: 600,
    tooltip: wallTooltip('item', (params) => {
      const p = tipParams(params)[0];
      const r = p ? rows[p.dataIndex] : undefined;
      return r ? tipModel(r.name, [{ name: '数量', value: `${fmtInt(r.value)} ${unit}` }, { name: '占比', value: `${fmtFixed(r.share, 1)}%` }]) : null;
    }),
    series: [
      {
        type: 'pie',
        center: ['50%', '50%'],
        radius: ['56%', '86%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: WALL.ground, borderWidth: 3 },
        label: { show: false },
        labelLine: { show: false },
        emphasis: { scale: true, scaleSize: 6 },
        data: rows.map((r) => ({ name: r.id, value: r.value, itemStyle: { color: r.color } })),
      },
    ],
  };
}

export function pieCarousel(rows: readonly ShareRow[]): CarouselPlan {
  return { seriesIndex: 0, stops: carouselStops(rows.map((r) => (r.value > 0 ? r.value : null))) };
}
