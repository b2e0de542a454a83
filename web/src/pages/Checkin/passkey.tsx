/**
 * Passkey mode on the phone (config `buktiKehadiran: "passkey"`, issue 15 §2), a chunk of its
 * own: presence.ts fetches it only when GET /api/me says the mode is on, so no other regency's
 * phone downloads @simplewebauthn/browser.
 *
 * - Registering (once, from the phone the link is bound to): POST /api/passkey/opsi gives the
 *   options and a fresh ticket; the phone makes a platform passkey with user verification
 *   (fingerprint, face or screen lock) and sends it with its own key's signature.
 * - Each tap: the same message the phone's key signs (`apel-wfa/hadir/1\n<tiket>\n<ms>`) is the
 *   WebAuthn challenge (its SHA-256), so the fingerprint prompt comes with the tap.
 * - A phone without a platform authenticator keeps checking in with its key alone (the record
 *   says `perangkat`), and the card says so once.
 */
import { platformAuthenticatorIsAvailable, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useState } from 'preact/hooks';
import type { Me, PasskeyAssertion, PasskeyOptions, PasskeyRegistered } from '../../../../contract';
import { ApiError } from '../../lib/api';

const b64u = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A refusal the page shows as it is (the tap is not sent): an ApiError, so the check-in's error line shows its words. */
export class PasskeyError extends ApiError {
  constructor(message: string) {
    super(400, 'PASSKEY', message);
  }
}

/** The WebAuthn error's name (the library keeps the browser's: NotAllowedError when cancelled or timed out). */
const cancelled = (e: unknown) => e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError');

/**
 * A tap whose fingerprint failed (cancelled, not recognised, or the passkey gone from the phone:
 * WebAuthn does not tell these apart) makes the card offer registering again, which replaces
 * the link's passkey; so a lost passkey is never a dead end.
 */
let failedOnce = false;
const onFailure = new Set<() => void>();

/** The assertion for a tap: the fingerprint prompt, over the SHA-256 of the message the phone's key signs. */
export async function assertion(credentialId: string, message: string): Promise<PasskeyAssertion> {
  const challenge = b64u(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(message)));
  try {
    return await startAuthentication({
      optionsJSON: { challenge, allowCredentials: [{ id: credentialId, type: 'public-key', transports: ['internal', 'hybrid'] }], userVerification: 'required', timeout: 60_000 },
    });
  } catch (e) {
    failedOnce = true;
    for (const f of onFailure) f();
    throw new PasskeyError(
      cancelled(e)
        ? 'Sidik jari dibatalkan, presensi belum terkirim. Ketuk Hadir lagi, lalu sentuh sensor sidik jari (atau buka kunci layar).'
        : 'Ponsel tidak dapat memakai sidik jari yang terdaftar. Ketuk Hadir lagi; bila tetap gagal, daftarkan ulang sidik jari di atas.',
    );
  }
}

/** Whether this phone can make and use a passkey with user verification (a platform authenticator). */
export const available = (): Promise<boolean> => platformAuthenticatorIsAvailable().catch(() => false);

interface Props {
  token: string;
  me: Me;
  /** The phone's own key's signature (presence.ts), undefined without one. */
  sign: (message: string) => Promise<string | undefined>;
  /** Registered: GET /api/me again. */
  onDone: () => void;
}

const NOTED = 'apel-wfa.passkey-tidak-didukung';

type State = 'memeriksa' | 'tawar' | 'tidak-didukung' | 'mendaftar' | 'terdaftar' | 'nanti';

const post = (token: string, path: string, body?: unknown) =>
  fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    cache: 'no-store',
  });

/** Why a registration failed, in the ASN's words. */
async function refusal(res: Response): Promise<string> {
  const e = ((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error;
  return e?.message ?? 'Pendaftaran sidik jari gagal. Periksa jaringan, lalu coba lagi.';
}

/**
 * The offer to register a passkey (while the link has none), or, on a phone without a platform
 * authenticator, a one-line note that its key alone is used. Shown on the phone the link is bound to.
 */
export function PasskeyCard({ token, me, sign, onDone }: Props) {
  const [state, setState] = useState<State>('memeriksa');
  const [error, setError] = useState<string>();
  const [again, setAgain] = useState(failedOnce);
  useEffect(() => {
    const show = () => (setAgain(true), setState((s) => (s === 'memeriksa' || s === 'mendaftar' ? s : 'tawar')));
    onFailure.add(show);
    return () => void onFailure.delete(show);
  }, []);
  // The note that this phone cannot use a fingerprint is said once on each phone.
  useEffect(
    () =>
      void available().then((yes) => {
        if (yes) return setState('tawar');
        if (localStorage.getItem(NOTED)) return setState('nanti');
        localStorage.setItem(NOTED, '1');
        setState('tidak-didukung');
      }),
    [],
  );

  const register = async () => {
    setState('mendaftar');
    setError(undefined);
    try {
      const opsi = await post(token, '/api/passkey/opsi');
      if (!opsi.ok) throw new PasskeyError(await refusal(opsi));
      const { tiket, opsi: optionsJSON } = (await opsi.json()) as PasskeyOptions;
      const tanda = await sign(`apel-wfa/passkey/1\n${tiket}`);
      if (!tanda) throw new PasskeyError('Ponsel ini belum punya kunci perangkat. Muat ulang halaman, lalu coba lagi.');
      let respons;
      try {
        respons = await startRegistration({ optionsJSON: optionsJSON as PublicKeyCredentialCreationOptionsJSON });
      } catch (e) {
        throw new PasskeyError(
          cancelled(e)
            ? 'Pendaftaran dibatalkan. Ketuk "Daftarkan sidik jari" lagi bila ingin memakainya.'
            : 'Ponsel ini tidak dapat membuat passkey. Presensi tetap bisa dengan ponsel ini tanpa sidik jari.',
        );
      }
      const saved = await post(token, '/api/passkey', { tiket, tanda, respons });
      if (!saved.ok) throw new PasskeyError(await refusal(saved));
      (await saved.json()) as PasskeyRegistered;
      setState('terdaftar');
      setAgain((failedOnce = false));
      onDone();
    } catch (e) {
      setError(e instanceof PasskeyError ? e.message : 'Pendaftaran sidik jari gagal. Periksa jaringan, lalu coba lagi.');
      setState('tawar');
    }
  };

  // Registered earlier: nothing to say (each tap asks for the fingerprint); just now: said once.
  if (state === 'memeriksa' || state === 'nanti' || (me.bukti.passkey && !again && state !== 'terdaftar')) return null;
  if (state === 'terdaftar') {
    return (
      <p class="card notice" role="status" data-testid="passkey-terdaftar">
        Sidik jari terdaftar. Saat Anda mengetuk Hadir, ponsel meminta sidik jari (atau kunci layar) Anda.
      </p>
    );
  }
  if (state === 'tidak-didukung') {
    return (
      <p class="card muted" role="note" data-testid="passkey-tidak-didukung">
        Ponsel ini tidak mendukung sidik jari untuk presensi. Presensi tetap sah: ditandatangani oleh ponsel ini.
      </p>
    );
  }
  return (
    <section class="card" aria-labelledby="passkey-judul" data-testid="passkey-daftar">
      <h2 id="passkey-judul">{me.bukti.passkey ? 'Daftarkan ulang sidik jari' : 'Daftarkan sidik jari'}</h2>
      {me.bukti.passkey ? (
        <p>Bila ponsel tidak menemukan sidik jari yang terdaftar (misalnya passkey terhapus), daftarkan lagi di ponsel ini; yang lama diganti.</p>
      ) : (
        <p>
          Kabupaten Anda meminta sidik jari setiap kali presensi, agar hanya Anda yang bisa mengetuk Hadir dari tautan ini. Cukup sekali di ponsel
          ini. Sidik jari tetap di ponsel; yang dikirim hanya tanda dari ponsel bahwa Anda yang mengetuk.
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="passkey-galat">
          {error}
        </p>
      )}
      <p class="more">
        <button type="button" class="btn-hadir" disabled={state === 'mendaftar'} aria-busy={state === 'mendaftar'} onClick={() => void register()} data-testid="passkey-daftarkan">
          {state === 'mendaftar' ? 'Menunggu sidik jari…' : me.bukti.passkey ? 'Daftarkan ulang' : 'Daftarkan sidik jari'}
        </button>
        <button type="button" class="btn-secondary" onClick={() => setState('nanti')} data-testid="passkey-nanti">
          Nanti saja
        </button>
      </p>
    </section>
  );
}
