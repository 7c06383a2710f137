/** Start-up, as a table of contents: each side effect lives in its own module. */
import { createApp } from 'vue';
import './stage/global.css';
import { fontsReady } from './modules/fonts';
import { installPinia } from './modules/pinia';
import { installECharts } from './modules/echarts-theme';
import { useWallStores } from './stores';
import { bootData } from './data/boot';
import { installWallHook } from './scene/wall-hook';
import { useSceneStore } from './scene/scene-store';
import { installScenesHook } from './scene/scenes-hook';
import { naiveSwitchRequested } from './scene/scene-nav';
import { installKiosk } from './kiosk/install';
import { installPresenter } from './presenter/install';
import App from './App.vue';

installECharts();
const app = createApp(App);
installPinia(app);

const stores = useWallStores();
const scenes = useSceneStore();
installWallHook(stores, scenes.current.panels.length);
installScenesHook(scenes, naiveSwitchRequested(window.location.search));
bootData(stores);
installKiosk();
// Scene keys (through the command router), the presenter hub link, a standalone demo's own tour.
installPresenter(stores, scenes);

// Mount once the CJK font is in (ECharts measures labels with it); never wait more than 1.5 s.
void Promise.race([fontsReady(), new Promise((r) => setTimeout(r, 1500))]).then(() => app.mount('#app'));
