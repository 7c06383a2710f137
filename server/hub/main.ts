/**
 * CLI of the presenter hub (docs/presenter.md):
 *   npm run hub -- [--port 4173] [--host 127.0.0.1 | --lan] [--dist dist] [--tour <id>] [--wall-key K]
 *                  [--secret S] [--redis redis://host:6379] [--hub-id ID] [--audit logs/audit.jsonl | --no-audit]
 *                  [--origin http://host:port]… [--lead 300]
 * Prints the wall URL, the remote URL (and its QR code) and the pairing code. Ctrl-C / SIGTERM stops it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { TOUR_LIST } from '../../scenes/tours';
import { HUB_WALL_NS } from '../../src/presenter/protocol';
import { startHub } from './hub';

const USAGE =
  'npm run hub -- [--port 4173] [--host 127.0.0.1 | --lan] [--dist dist] [--tour <id>] [--wall-key K] [--secret S]\n' +
  '               [--redis redis://127.0.0.1:6379] [--hub-id ID] [--audit logs/audit.jsonl | --no-audit]\n' +
  '               [--origin http://host:port]… [--lead 300]';

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      lan: { type: 'boolean' },
      dist: { type: 'string' },
      tour: { type: 'string' },
      'wall-key': { type: 'string' },
      secret: { type: 'string' },
      redis: { type: 'string' },
      'hub-id': { type: 'string' },
      audit: { type: 'string' },
      'no-audit': { type: 'boolean' },
      origin: { type: 'string', multiple: true },
      lead: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    console.log(`tours: ${TOUR_LIST.map((t) => `${t.id} (${t.title})`).join(', ')}`);
    return;
  }
  if (values.lan && values.host) throw new Error('--lan and --host exclude each other (--lan binds 0.0.0.0)');
  const host = values.lan ? '0.0.0.0' : (values.host ?? '127.0.0.1');
  const distDir = values.dist === undefined ? undefined : resolve(values.dist);
  if (distDir && !existsSync(resolve(distDir, 'index.html'))) throw new Error(`--dist ${distDir}: no index.html there (run: npm run build)`);
  if (values.redis && !values.secret) {
    console.warn('warning: --redis without --secret: remotes paired on this hub will be refused by the other hubs');
  }
  const hub = await startHub({
    host,
    port: integer('port', values.port, 4173),
    distDir,
    tourId: values.tour,
    wallKey: values['wall-key'],
    secret: values.secret,
    redisUrl: values.redis,
    hubId: values['hub-id'],
    auditFile: values['no-audit'] ? undefined : resolve(values.audit ?? 'logs/audit.jsonl'),
    extraOrigins: values.origin ?? [],
    leadMs: integer('lead', values.lead, 300),
  });
  const pairing = hub.pairing();
  const qr = await QRCode.toString(pairing.remoteUrl, { type: 'terminal', small: true }).catch(() => '');
  const lines = [
    `citywall presenter hub ${hub.hubId} — ${hub.url}${hub.publicUrl !== hub.url ? ` (LAN: ${hub.publicUrl})` : ''}`,
    distDir ? `  wall:    ${hub.publicUrl}/` : '  (no --dist: pages are not served; walls and remotes must come from elsewhere, e.g. --origin)',
    `  remote:  ${pairing.remoteUrl}`,
    `  pairing code: ${pairing.code} (shown on the wall; rotates every ${Math.round((pairing.expiresAt - Date.now()) / 60_000)} min and after each pairing)`,
    `  socket.io: ${HUB_WALL_NS} (walls${values['wall-key'] ? ', wall key required off loopback' : ', loopback only'}), /remote (paired remotes)`,
    `  allowed origins: ${hub.origins.join(' ')}`,
    ...(values.tour ? [`  tour: ${values.tour}`] : []),
    ...(values.redis ? [`  redis: ${values.redis} (hubs must share --secret and be NTP-synced)`] : []),
    `  audit: ${values['no-audit'] ? 'off' : resolve(values.audit ?? 'logs/audit.jsonl')}`,
    ...(host === '127.0.0.1' ? ['  phones cannot reach 127.0.0.1: use --lan to let remotes on the LAN in'] : []),
    'Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
  if (qr) console.log(qr);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) process.exit(1); // second Ctrl-C: do not wait
    stopping = true;
    console.log('\nstopping hub…');
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(`hub failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof Error && /must be|exclude|no index\.html|unknown tour/.test(err.message) ? 2 : 1);
});
