/**
 * Row-by-row scrolling for the DOM lists (table, alarms, suggestions, documents): when the rows do not
 * all fit, every SCROLL_PERIOD_MS the list slides up by one row and the first row goes round to the
 * end. Paused while a pointer is over the list. `window.__citywall.panels.scroll[id].step()` advances
 * at once without the slide (tests).
 */
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { useElementSize } from '@vueuse/core';
import { SCROLL_PERIOD_MS, mustScroll, nextOffset, rowsThatFit, windowRows } from './table-scroll';
import { panelMotion, registerMotion } from './panel-hooks';

const SLIDE_MS = 600;

export function useRowScroll<T>(id: () => string, rows: () => readonly T[], rowHeight: number, body: Ref<HTMLElement | null>) {
  const { height } = useElementSize(body);
  const fit = computed(() => rowsThatFit(height.value, rowHeight));
  const offset = ref(0);
  const sliding = ref(false);
  const hovered = ref(false);
  const scrolling = computed(() => mustScroll(rows().length, fit.value));
  const shown = computed(() => windowRows(rows(), offset.value, fit.value));

  // New data keeps the position unless the list got shorter than it.
  watch(
    () => rows().length,
    (n) => {
      if (offset.value >= n) offset.value = 0;
    },
  );

  let slideTimer: ReturnType<typeof setTimeout> | undefined;
  function finishSlide(): void {
    slideTimer = undefined;
    sliding.value = false;
    offset.value = nextOffset(offset.value, rows().length);
  }
  function step(): number {
    if (slideTimer !== undefined) {
      clearTimeout(slideTimer);
      slideTimer = undefined;
      sliding.value = false;
    }
    if (scrolling.value) offset.value = nextOffset(offset.value, rows().length);
    return offset.value;
  }
  let ticker: ReturnType<typeof setInterval> | undefined;
  let unregister: (() => void) | undefined;
  onMounted(() => {
    ticker = setInterval(() => {
      if (!panelMotion.auto || !scrolling.value || hovered.value || slideTimer !== undefined) return;
      sliding.value = true;
      slideTimer = setTimeout(finishSlide, SLIDE_MS);
    }, SCROLL_PERIOD_MS);
    unregister = registerMotion('scroll', id(), { step, position: () => offset.value });
  });
  onBeforeUnmount(() => {
    if (ticker !== undefined) clearInterval(ticker);
    if (slideTimer !== undefined) clearTimeout(slideTimer);
    unregister?.();
  });

  /** Style of the moving list: slides up one row while `sliding`. */
  const trackStyle = computed(() =>
    sliding.value ? { transform: `translateY(-${rowHeight}px)`, transition: `transform ${SLIDE_MS}ms ease-in-out` } : { transform: 'none', transition: 'none' },
  );
  const setHovered = (on: boolean) => {
    hovered.value = on;
  };
  return { fit, offset, shown, scrolling, trackStyle, setHovered };
}
