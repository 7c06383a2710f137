/** Small composables shared by the panel components. */
import { nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { COUNT_MS, countValue } from './count-up';

/**
 * A number that counts to its target (the KPI "odometer"): one bounded run of animation frames per
 * change, which stops once the target is reached (exactly) or the component goes away. A new target
 * mid-count starts from the value shown.
 */
export function useCountUp(target: () => number, duration = COUNT_MS): Ref<number> {
  const shown = ref(target());
  let raf = 0;
  const stop = () => {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
  };
  watch(target, (to) => {
    stop();
    const from = shown.value;
    if (from === to || typeof requestAnimationFrame === 'undefined') {
      shown.value = to;
      return;
    }
    const start = performance.now();
    const frame = (now: number) => {
      shown.value = countValue(from, to, now - start, duration);
      raf = shown.value === to ? 0 : requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
  });
  onBeforeUnmount(stop);
  return shown;
}

/** For DOM panels: emit `rendered` once, on the first frame after data is present. */
export function useRenderedWhen(hasData: () => boolean, emit: () => void): void {
  let done = false;
  const check = () => {
    if (done || !hasData()) return;
    done = true;
    void nextTick(() => requestAnimationFrame(() => emit()));
  };
  onMounted(check);
  watch(hasData, check);
}
