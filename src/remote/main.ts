/**
 * The presenter remote (remote.html), served by the hub on the wall's LAN: pair with the code on the wall,
 * then drive the wall from a phone or tablet. Everything the hub says arrives as HubState; see RemoteApp.
 */
import { createApp } from 'vue';
import '../modules/fonts';
import './remote.css';
import { createRemoteStore, REMOTE_STORE } from './remote-store';
import RemoteApp from './RemoteApp.vue';

const store = createRemoteStore({ storage: window.localStorage, hubUrl: '' });
const app = createApp(RemoteApp);
app.provide(REMOTE_STORE, store);
app.mount('#app');
