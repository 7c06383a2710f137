/** The panel gallery page (panel-gallery.html): every panel kind with fixture data, for tests and review. */
import { createApp } from 'vue';
import '../../stage/global.css';
import { fontsReady } from '../../modules/fonts';
import { installECharts } from '../../modules/echarts-theme';
import Gallery from './Gallery.vue';

installECharts();
void Promise.race([fontsReady(), new Promise((r) => setTimeout(r, 1500))]).then(() => createApp(Gallery).mount('#app'));
