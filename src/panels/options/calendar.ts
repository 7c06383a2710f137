/** The calendar heat map: one cell per day, weeks as columns, Monday first. */
import type { EChartsOption } from 'echarts';
import { WALL } from '../tokens';
import { carouselStops, type CarouselPlan } from '../carousel';
import { fmtValue } from '../panel-format';
import type { CalendarData } from '../types';
import { tipModel, tipParams, wallTooltip } from './tooltip';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days with a valid ISO date, oldest first. */
export function calendarDays(data: CalendarData): CalendarData['days'] {
  return data.days.filter((d) => ISO_DATE.test(d.date) && Number.isFinite(d.value)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function calendarRange(days: CalendarData['days']): [string, string] | null {
  if (days.length === 0) return null;
  return [days[0]!.date, days[days.length - 1]!.date];
}

/** Decimals enough for the values (0 for counts). */
function decimalsOf(days: CalendarData['days']): number {
  return days.some((d) => !Number.isInteger(d.value)) ? 1 : 0;
}

export function calendarOption(data: CalendarData): EChartsOption {
  const days = calendarDays(data);
  const range = calendarRange(days) ?? ['2000-01-01', '2000-01-01'];
  const values = days.map((d) => d.value);
  const decimals = decimalsOf(days);
  const months = new Set(days.map((d) => d.date.slice(0, 7))).size;
  return {
    animationDurationUpdate: 600,
    tooltip: wallTooltip('item', (params) => {
      const p = tipParams(params)[0];
      const d = p ? days[p.dataIndex] : undefined;
      return d ? tipModel(d.date, [{ name: data.label, value: `${fmtValue(d.value, decimals)} ${data.unit}` }]) : null;
    }),
    visualMap: {
      show: false,
      min: Math.min(0, ...values),
      max: Math.max(1, ...values),
      inRange: { color: ['#0b2a55', '#1e6fb8', WALL.cyan, WALL.amber] },
    },
    calendar: {
      range,
      orient: 'horizontal',
      left: 44,
      right: 8,
      top: months > 1 ? 34 : 30,
      bottom: 6,
      cellSize: ['auto', 'auto'],
      splitLine: { show: months > 1, lineStyle: { color: WALL.frame, width: 2 } },
      itemStyle: { color: 'rgba(120,180,230,0.05)', borderColor: 'rgba(2,11,31,0.9)', borderWidth: 3 },
      dayLabel: { firstDay: 1, nameMap: ['日', '一', '二', '三', '四', '五', '六'], fontSize: 24, color: WALL.textDim, margin: 8 },
      monthLabel: { nameMap: 'ZH', fontSize: 24, color: WALL.textDim, margin: 6 },
      yearLabel: { show: false },
    },
    series: [
      {
        type: 'heatmap',
        coordinateSystem: 'calendar',
        emphasis: { itemStyle: { borderColor: WALL.text, borderWidth: 2 } },
        data: days.map((d) => [d.date, d.value]),
      },
    ],
  };
}

export function calendarCarousel(data: CalendarData): CarouselPlan {
  return { seriesIndex: 0, stops: carouselStops(calendarDays(data).map((d) => d.value)) };
}

