/** Pinia: small setup stores holding plain state; engine objects never enter it (see src/stores). */
import type { App } from 'vue';
import { createPinia } from 'pinia';

export function installPinia(app: App): void {
  app.use(createPinia());
}
