import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { viteStaticCopy } from 'vite-plugin-static-copy';

/**
 * Cesium's workers, assets and widgets CSS are served from /cesium so CESIUM_BASE_URL points at our
 * own origin: nothing is fetched from a CDN or from Cesium ion.
 */
const cesiumBuild = 'node_modules/cesium/Build/Cesium';
const CESIUM_BASE_URL = '/cesium/';

export default defineConfig({
  plugins: [
    vue(),
    viteStaticCopy({
      targets: [
        { src: `${cesiumBuild}/Workers`, dest: 'cesium' },
        { src: `${cesiumBuild}/ThirdParty`, dest: 'cesium' },
        { src: `${cesiumBuild}/Assets`, dest: 'cesium' },
        { src: `${cesiumBuild}/Widgets`, dest: 'cesium' },
      ],
    }),
  ],
  define: {
    CESIUM_BASE_URL: JSON.stringify(CESIUM_BASE_URL),
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
    // Pages: the wall app, the map harness (map-harness.html, used by the map's e2e and the bench), the
    // panel gallery (panel-gallery.html, every panel kind with fixture data; tests/e2e/panels.e2e.ts) and
    // the presenter remote (remote.html, src/remote/; served by the hub at /remote.html).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        mapHarness: fileURLToPath(new URL('./map-harness.html', import.meta.url)),
        panelGallery: fileURLToPath(new URL('./panel-gallery.html', import.meta.url)),
        remote: fileURLToPath(new URL('./remote.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
