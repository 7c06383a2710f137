/** Small composables shared by the panel components. */
import { computed, nextTick, onMounted, watch, type Ref } from 'vue';
import { TransitionPresets, useTransition } from '@vueuse/core';

/** A number that counts up/down to its target (the KPI "odometer"), ~0.9 s ease-out. */
export function useCountUp(target: () => number, duration = 900): Ref<number> {
  const source = computed(target);
  return useTransition(source, { duration, transition: TransitionPresets.easeOutCubic }) as Ref<number>;
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
