/**
 * Row-by-row scrolling for the DOM lists (table, alarms, suggestions, documents): only the rows that fit
 * whole in the measured body are rendered; when there are more, every SCROLL_PERIOD_MS the window moves
 * on by one row (the first row fades out, the others move up, the next one fades in at the bottom, see
 * row-step.css). No row is ever drawn cut by the panel's edge, not even mid-step. Paused while a pointer
 * is over the list. `window.__citywall.panels.scroll[id].step()` advances at once (tests).
 */
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { useElementSize } from '@vueuse/core';
import { SCROLL_PERIOD_MS, mustScroll, nextOffset, rowsThatFit, windowRows } from './table-scroll';
import { panelMotion, registerMotion } from './panel-hooks';
import './row-step.css';

/** Transition name of a step (classes in row-step.css); any other change (data, resize) is instant. */
const ROW_STEP = 'row-step';
const STEP_MS = 700;

export function useRowScroll<T>(id: () => string, rows: () => readonly T[], rowHeight: number, body: Ref<HTMLElement | null>) {
  const { height } = useElementSize(body);
  const fit = computed(() => rowsThatFit(height.value, rowHeight));
  const offset = ref(0);
  const hovered = ref(false);
  const stepping = ref(false);
  let stepTimer: ReturnType<typeof setTimeout> | undefined;
  const scrolling = computed(() => mustScroll(rows().length, fit.value));
  const shown = computed(() => windowRows(rows(), offset.value, fit.value));

  // New data keeps the position unless the list got shorter than it.
  watch(
    () => rows().length,
    (n) => {
      if (offset.value >= n) offset.value = 0;
    },
  );

  function step(): number {
    if (scrolling.value) {
      stepping.value = true;
      if (stepTimer !== undefined) clearTimeout(stepTimer);
      stepTimer = setTimeout(() => {
        stepTimer = undefined;
        stepping.value = false;
      }, STEP_MS);
      offset.value = nextOffset(offset.value, rows().length);
    }
    return offset.value;
  }
  let ticker: ReturnType<typeof setInterval> | undefined;
  let unregister: (() => void) | undefined;
  onMounted(() => {
    ticker = setInterval(() => {
      if (panelMotion.auto && !hovered.value) step();
    }, SCROLL_PERIOD_MS);
    unregister = registerMotion('scroll', id(), { step, position: () => offset.value });
  });
  onBeforeUnmount(() => {
    if (ticker !== undefined) clearInterval(ticker);
    if (stepTimer !== undefined) clearTimeout(stepTimer);
    unregister?.();
  });

  const setHovered = (on: boolean) => {
    hovered.value = on;
  };
  /** Name for the rows' <TransitionGroup>: animated only while a step is under way. */
  const transition = computed(() => (stepping.value ? ROW_STEP : 'row-still'));
  return { fit, offset, shown, scrolling, transition, setHovered };
}
