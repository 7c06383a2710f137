/**
 * Start-up side effect: configure CesiumJS for a wall that never touches the internet. Import this
 * module before anything creates a Cesium widget (WallMap.vue imports it first).
 *
 * - Base URL: Cesium fetches its web workers (terrain meshing, geometry), and a few assets, relative to
 *   CESIUM_BASE_URL. vite.config.ts copies Workers/ThirdParty/Assets/Widgets to /cesium/ and defines the
 *   CESIUM_BASE_URL constant; we hand it to Cesium both ways it looks for it: the global that
 *   `buildModuleUrl` reads lazily on first use (ESM imports are hoisted, so setting it here is in time
 *   as long as no widget exists yet) and the explicit `buildModuleUrl.setBaseUrl`.
 * - Cesium ion: the package ships a demo token; we blank it so nothing can authenticate against ion
 *   by accident. Every ion-backed default (world imagery, world terrain, geocoder) is also switched off
 *   where the widget is created (create-viewer.ts).
 */
import { buildModuleUrl, Ion } from 'cesium';

declare const CESIUM_BASE_URL: string;

declare global {
  interface Window {
    CESIUM_BASE_URL?: string;
  }
}

const baseUrl = typeof CESIUM_BASE_URL === 'string' ? CESIUM_BASE_URL : '/cesium/';
if (typeof window !== 'undefined') window.CESIUM_BASE_URL = baseUrl;
// `setBaseUrl` exists at runtime (Core/buildModuleUrl.js) but is missing from Cesium's .d.ts.
(buildModuleUrl as typeof buildModuleUrl & { setBaseUrl(url: string): void }).setBaseUrl(baseUrl);
Ion.defaultAccessToken = '';

export const CESIUM_OFFLINE_BASE_URL = baseUrl;
