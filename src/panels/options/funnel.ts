/** The closed-loop funnel (发现→…→结案): stages in their own order, labels to the right. */
import type { EChartsOption } from 'echarts';
import { WALL, fmtFixed, fmtInt } from '../tokens';
import { carouselStops, type CarouselPlan } from '../carousel';
import { ellipsize, richSafe } from '../panel-format';
import type { NamedCount } from '../types';
import { tipModel, tipParams, wallTooltip } from './tooltip';

const STAGE_COLOURS = ['#38bdf8', '#22d3ee', '#3b82f6', '#6366f1', '#a78bfa', '#34d399'];

/** Share of the first stage that reached the last one, percent; null without a first stage. */
export function loopRate(rows: readonly NamedCount[]): number | null {
  const first = rows[0]?.value ?? 0;
  const last = rows[rows.length - 1]?.value ?? 0;
  return first > 0 ? (100 * last) / first : null;
}

export function funnelOption(rows: readonly NamedCount[]): EChartsOption {
  const first = rows[0]?.value ?? 0;
  return {
    animationDurationUpdate: 600,
    tooltip: wallTooltip('item', (params) => {
      const p = tipParams(params)[0];
      const r = p ? rows[p.dataIndex] : undefined;
      if (!r || !p) return null;
      const lines = [{ name: '数量', value: fmtInt(r.value) }];
      if (first > 0 && p.dataIndex > 0) lines.push({ name: '占首环节', value: `${fmtFixed((100 * r.value) / first, 1)}%` });
      return tipModel(r.name, lines);
    }),
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '2%',
        top: 6,
        bottom: 6,
        width: '52%',
        min: 0,
        max: Math.max(1, ...rows.map((r) => r.value)),
        minSize: '22%',
        maxSize: '100%',
        gap: 4,
        itemStyle: { borderWidth: 0 },
        label: {
          show: true,
          position: 'right',
          fontSize: 24,
          color: WALL.text,
          // Stage names are data: shortened and made safe for rich-text parsing.
          formatter: (p: { dataIndex: number }) => {
            const r = rows[p.dataIndex];
            return r ? `${richSafe(ellipsize(r.name, 5))}  ${fmtInt(r.value)}` : '';
          },
        },
        labelLine: { show: true, length: 14, lineStyle: { color: WALL.axis } },
        emphasis: { label: { fontSize: 26, fontWeight: 'bold' } },
        data: rows.map((r, i) => ({ name: r.id, value: Math.max(0, r.value), itemStyle: { color: STAGE_COLOURS[i % STAGE_COLOURS.length] } })),
      },
    ],
  };
}

export function funnelCarousel(rows: readonly NamedCount[]): CarouselPlan {
  return { seriesIndex: 0, stops: carouselStops(rows.map((r) => r.value)) };
}
