import { useEffect, useState } from 'preact/hooks';
import type { ReminderState } from '../../../../contract';
import { request } from '../../lib/api';

/**
 * Reminders on this device (issue 12; in the extras chunk, loaded only when the ASN opens it):
 * "Ingatkan saya saat apel dibuka" asks the browser's permission only after that tap, then
 * subscribes with the server's VAPID key through the service worker and keeps the
 * subscription with the link (PUT /api/me/pengingat); "Matikan" removes it here and there.
 * Says what an iPhone needs (the home-screen app, iOS 16.4+) and that Android Chrome works.
 */

type Phase = { kind: 'memuat' } | { kind: 'tidak-didukung'; iphone: boolean } | { kind: 'mati' } | { kind: 'menyala' } | { kind: 'bekerja' };

const isIphone = () => /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The service worker of the page (issue 15 registers it); an error rather than waiting for ever. */
async function registration(): Promise<ServiceWorkerRegistration> {
  const ready = navigator.serviceWorker.ready;
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Pekerja latar (service worker) belum siap. Muat ulang halaman, lalu coba lagi.')), 10_000));
  return Promise.race([ready, late]);
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const sameKey = (sub: PushSubscription, key: Uint8Array) => {
  const k = sub.options?.applicationServerKey;
  if (!k) return true; // browsers that do not say: assume it is ours
  const a = new Uint8Array(k);
  return a.length === key.length && a.every((b, i) => b === key[i]);
};

/** The server's device id: the first 16 hex digits of sha256(endpoint). */
async function deviceId(endpoint: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(endpoint)));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function Reminders({ token }: { token: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'memuat' });
  const [message, setMessage] = useState<string>();
  const [minutes, setMinutes] = useState<number>();

  // On: the browser holds a subscription and the server keeps it with this link.
  const refresh = async () => {
    if (!supported()) return setPhase({ kind: 'tidak-didukung', iphone: isIphone() });
    try {
      const [reg, state] = await Promise.all([navigator.serviceWorker.getRegistration(), request<ReminderState>('GET', '/me/pengingat', token)]);
      setMinutes(state.body.menitSebelumTerlambat);
      const sub = await reg?.pushManager.getSubscription();
      const id = sub ? await deviceId(sub.endpoint) : undefined;
      const on = !!id && Notification.permission === 'granted' && state.body.perangkat.some((p) => p.id === id);
      setPhase({ kind: on ? 'menyala' : 'mati' });
    } catch (e) {
      setPhase({ kind: 'mati' });
      setMessage((e as Error).message);
    }
  };
  useEffect(() => void refresh(), []);

  const switchOn = async () => {
    setMessage(undefined);
    // Asked only now, after the ASN's own tap.
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      return setMessage(
        permission === 'denied'
          ? 'Izin notifikasi ditolak. Buka pengaturan situs di peramban (ikon gembok di sebelah alamat), izinkan Notifikasi, lalu coba lagi.'
          : 'Izin notifikasi belum diberikan. Ketuk lagi dan pilih Izinkan.',
      );
    }
    setPhase({ kind: 'bekerja' });
    try {
      const reg = await registration();
      const { kunciPublik } = (await request<ReminderState>('GET', '/me/pengingat', token)).body;
      const key = keyBytes(kunciPublik);
      let sub = await reg.pushManager.getSubscription();
      // Made with an earlier key (rotated): the push service would refuse our messages for it.
      if (sub && !sameKey(sub, key)) {
        await sub.unsubscribe();
        sub = null;
      }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      const state = (await request<ReminderState>('PUT', '/me/pengingat', token, { langganan: sub.toJSON() })).body;
      setMinutes(state.menitSebelumTerlambat);
      setPhase({ kind: 'menyala' });
    } catch (e) {
      setPhase({ kind: 'mati' });
      setMessage((e as Error).message || 'Pengingat tidak dapat dinyalakan di peramban ini.');
    }
  };

  const switchOff = async () => {
    setMessage(undefined);
    setPhase({ kind: 'bekerja' });
    try {
      const sub = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription();
      if (sub) {
        await request<ReminderState>('DELETE', '/me/pengingat', token, { endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setPhase({ kind: 'mati' });
    } catch (e) {
      setPhase({ kind: 'menyala' });
      setMessage((e as Error).message);
    }
  };

  return (
    <section class="card" aria-labelledby="pengingat-title" data-testid="pengingat">
      <h2 id="pengingat-title">Pengingat apel</h2>
      {phase.kind === 'memuat' ? (
        <p class="muted" role="status">
          Memuat…
        </p>
      ) : phase.kind === 'tidak-didukung' ? (
        <p data-testid="pengingat-tidak-didukung">
          {phase.iphone
            ? 'Di iPhone, pengingat hanya dapat dinyalakan dari aplikasi di layar utama (iOS 16.4 atau lebih baru): buka tautan ini di Safari, ketuk Bagikan lalu "Tambah ke Layar Utama", buka Apel WFA dari ikon itu, lalu nyalakan pengingat di sini.'
            : 'Peramban ini tidak mendukung pengingat. Buka tautan Anda di Chrome (Android) untuk menyalakannya.'}
        </p>
      ) : (
        <>
          <p class="muted">
            Notifikasi di ponsel ini saat apel dibuka{minutes ? `, dan ${minutes} menit sebelum batas tepat waktu bila Anda belum presensi` : ''}. Pimpinan juga dapat
            mengirim pengingat sekali per apel.
          </p>
          {phase.kind === 'bekerja' ? (
            <p class="muted" role="status">
              Sebentar…
            </p>
          ) : phase.kind === 'menyala' ? (
            <>
              <p>
                <span class="badge badge-hadir" data-testid="pengingat-menyala">
                  Pengingat menyala di perangkat ini
                </span>
              </p>
              <p>
              <button type="button" class="btn-secondary" onClick={() => void switchOff()} data-testid="pengingat-matikan">
                Matikan pengingat
              </button>
              </p>
            </>
          ) : (
            <p>
              <button type="button" class="btn-secondary" onClick={() => void switchOn()} data-testid="pengingat-nyalakan">
                Ingatkan saya saat apel dibuka
              </button>
            </p>
          )}
          <p class="muted">Berfungsi di Chrome Android. Di iPhone: pasang Apel WFA di layar utama dari Safari (iOS 16.4 atau lebih baru) dan nyalakan dari sana.</p>
        </>
      )}
      {message && (
        <p class="error" role="alert" data-testid="pengingat-pesan">
          {message}
        </p>
      )}
    </section>
  );
}
