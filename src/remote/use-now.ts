/** A local clock ref (epoch ms) that ticks while the component using it is mounted: countdowns. */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export function useNow(periodMs = 250): Ref<number> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), periodMs);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
  });
  return now;
}
