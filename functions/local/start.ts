import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../core/config';
import { clockIn } from '../core/format';
import type { IssuedLink } from '../cli/links';
import type { LocalInstance } from '../deployment';
import { localEngineDir, localInstanceFile } from '../deployment';
import type { Engine } from './engine';
import { JavaMissing, restrictToOwner, startEngine } from './engine';

/**
 * `npm start`: Apel WFA on this machine with no AWS account and no Docker. DynamoDB
 * Local keeps its data in `.data/` (git-ignored), so check-ins survive a restart.
 *
 * Environment: PORT (3000), DYNAMODB_PORT (8765), APEL_DATA_DIR (.data),
 * APEL_DEMO_MINUTES (30; 0 turns the demo sesi off), APEL_CONFIG_FILE (apel.config.json),
 * APEL_DEMO_DATA_DIR (demo-data: the roster imported on first start), HOST (127.0.0.1),
 * APEL_CLOCK_START (an ISO time the server's clock starts at; functions/runtime/clock.ts).
 */

const root = resolve(import.meta.dirname, '../..');
const dataDir = resolve(process.env.APEL_DATA_DIR ?? join(root, '.data'));
const port = Number(process.env.PORT ?? 3000);
const enginePort = Number(process.env.DYNAMODB_PORT ?? 8765);
const demoMinutes = Number(process.env.APEL_DEMO_MINUTES ?? 30);
const configFile = resolve(process.env.APEL_CONFIG_FILE ?? join(root, 'apel.config.json'));
const demoDataDir = resolve(process.env.APEL_DEMO_DATA_DIR ?? join(root, 'demo-data'));

/**
 * The secret that signs window tickets (runtime/ticket-secrets.ts), made at the first start
 * and kept in `.data/tiket-secret` (0600, in the 0700 folder), so a tap kept on a phone over
 * a restart still counts. Delete the file to rotate it (tickets already handed out then fail).
 */
function localTicketSecret(dir: string): string {
  const file = join(dir, 'tiket-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main() {
  // The SDK warns that Node 20 support ends in 2027; Lambda runs nodejs22.x, and the notice only confuses a local user.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = parseConfig(JSON.parse(readFileSync(configFile, 'utf8')), configFile);
  const webDir = join(root, 'web', 'dist');
  if (!existsSync(join(webDir, 'index.html'))) {
    console.error('Situs belum dibangun (web/dist tidak ada). Jalankan: npm run build');
    process.exit(1);
  }

  console.log(`Memulai DynamoDB Local (data di ${dataDir}) …`);
  // The roster, its phone numbers and every link (tautan-demo.csv) are the owner's only.
  restrictToOwner(dataDir);
  const ticketSecret = localTicketSecret(dataDir);
  // The reminders' VAPID key pair (store/vapid-key-store.ts): made at first use, 0600 beside the database.
  process.env.APEL_VAPID_FILE ??= join(dataDir, 'vapid.json');
  let engine: Engine;
  try {
    engine = await startEngine({ port: enginePort, dataDir: localEngineDir(dataDir) });
  } catch (e) {
    console.error(e instanceof JavaMissing ? e.message : `Gagal memulai DynamoDB Local: ${(e as Error).message}`);
    process.exit(1);
  }
  const stopEngine = () => engine.stop();
  process.once('exit', () => void stopEngine());

  const { startApp } = await import('./app');
  const app = await startApp({
    config,
    endpoint: engine.endpoint,
    accessKeyId: engine.accessKeyId,
    tablePrefix: 'apel',
    port,
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    webDir,
    demoDataDir,
    linksFile: join(dataDir, 'tautan-demo.csv'),
    demoMinutes,
    // Eight weeks of demo past on the first start (APEL_DEMO_PAST=0: none).
    demoPast: process.env.APEL_DEMO_PAST !== '0',
    // Its older check-ins (most of its ~70,000) are written once the server is up.
    demoPastInBackground: true,
    ticketSecret,
  });

  // So that `npm run apel` finds this instance's ports, whatever PORT and DYNAMODB_PORT were.
  const instanceFile = localInstanceFile(dataDir);
  const instance: LocalInstance = { siteUrl: app.url, dynamodbPort: enginePort, pid: process.pid };
  writeFileSync(instanceFile, `${JSON.stringify(instance)}\n`, { mode: 0o600 });
  process.once('exit', () => rmSync(instanceFile, { force: true }));

  const linksFile = join(dataDir, 'tautan-demo.csv');
  // Loaded after startApp: the links file's check reads the Links table (stores read their environment at load).
  const { linksFileNote } = await import('./links-file');
  const note = existsSync(linksFile) ? linksFileNote(linksFile, app.links.length, app.droppedLinks) : undefined;
  printWelcome(app.url, app.links, app.demo, config.timeZone, linksFile, note, enginePort);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: menghentikan server, penjadwal dan DynamoDB Local …`);
    await app.stop();
    await engine.stop();
    console.log('Selesai. Data tetap tersimpan di', dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printWelcome(
  url: string,
  links: IssuedLink[],
  demo: { id: string; closesAt: Date } | undefined,
  timeZone: string,
  linksFile: string,
  /** What the links file holds (functions/local/links-file.ts); none when it holds no working link. */
  linksNote: string | undefined,
  enginePort: number,
) {
  const until = demo ? clockIn(timeZone)(demo.closesAt) : '';
  // Links were issued against the base URL of the first start; show them on this one's.
  const local = (l: IssuedLink) => `${url}/${new URL(l.tautan).hash}`;
  const pick = (pred: (l: IssuedLink) => boolean) => links.find(pred);
  const samples = [
    ['Pimpinan (Sekretariat Daerah)', pick((l) => l.peran === 'pimpinan' && l.opd === 'setda')],
    ['ASN OPD WFA (Diskominfo)', pick((l) => l.peran === 'asn' && l.opd === 'diskominfo')],
    ['ASN OPD layanan publik, bekerja dari kantor (Dinkes)', pick((l) => l.peran === 'asn' && l.opd === 'dinkes')],
  ] as const;
  console.log(`
Apel WFA berjalan di ${url}
${
  demo
    ? `
  APEL PERCOBAAN: sesi "${demo.id}" dibuka sekarang sampai ${until} (hadir pada paruh pertama,
  terlambat sesudahnya), supaya Anda bisa mencoba presensi kapan saja. Matikan dengan APEL_DEMO_MINUTES=0.`
    : ''
}
  Apel pagi dan sore dibuka otomatis pada hari WFA sesuai apel.config.json.

Tautan pribadi untuk dicoba (buka di ponsel atau peramban):`);
  for (const [label, link] of samples) if (link) console.log(`  ${label}: ${link.nama}\n    ${local(link)}`);
  // The HR admin's console (roster, OPDs, calendar, links, overview, audit) lives at /admin.
  const admin = pick((l) => l.peran === 'admin');
  console.log(
    admin
      ? `  Admin kepegawaian (konsol admin, BKPSDM): ${admin.nama}\n    ${url}/admin${new URL(admin.tautan).hash}`
      : '  Admin kepegawaian: belum ada tautan admin. Buat satu (di terminal lain selagi server ini berjalan):\n' +
          '    npm run apel -- admin-link --nip 199911032023072011',
  );
  console.log(
    linksNote
      ? `\n${linksNote}`
      : `\n(${linksFile} tidak ada. Terbitkan tautan baru, di terminal lain selagi server ini berjalan:\n  npm run apel -- issue-links --out ${linksFile})`,
  );
  console.log(`
Perintah lain (saat server ini berjalan): npm run apel -- help   (DynamoDB Local di port ${enginePort})
Tekan Ctrl-C untuk berhenti.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
