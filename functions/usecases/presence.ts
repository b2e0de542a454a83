import type { OpenSesi } from '../core/checkin';
import { decideCheckin } from '../core/checkin';
import type { CheckinStatus } from '../core/checkin';
import type { ApelConfig } from '../core/config';
import { Forbidden } from '../core/errors';
import type { BoundDevice, DeviceKey, DeviceVerdict, TapRules, Ticket } from '../core/presence';
import {
  checkinMessage,
  decideTap,
  judgeDevice,
  parseDeviceKey,
  parseElapsed,
  readinessMessage,
  readTicket,
  requireOwnTicket,
  signTicket,
  verifyDeviceSignature,
} from '../core/presence';
import type { Site } from '../core/passkey';
import { passkeyChallenge, passkeyRequired, verifyPasskeyAssertion } from '../core/passkey';
import { localDate } from '../core/time';
import type { Checkin } from '../store/checkin-store';
import type { Link } from '../store/link-store';

/**
 * Proof of presence around the use cases (core/presence.ts has the rules): the ticket GET
 * /api/me hands out, and the check of what a check-in or a readiness answer carries. Pure
 * but for the secrets and config it is given: no store is read here (the bound key came
 * with the link).
 */

/** What the page sends with a signed request (contract/checkin.ts `CheckinProof`), before its fields are checked. */
export interface ProofInput {
  tiket?: unknown;
  ms?: unknown;
  tanda?: unknown;
  kunci?: unknown;
  /** Passkey mode: the WebAuthn assertion (core/passkey.ts). */
  passkey?: unknown;
}

export interface PresenceSettings {
  /** The first signs; all are accepted (runtime/ticket-secrets.ts). */
  secrets: { current: string; accepted: readonly string[] };
  config: Pick<ApelConfig, 'timeZone' | 'perangkatWajibSejak' | 'tiketBerlakuMenit' | 'luringSampaiMenit'> & Partial<Pick<ApelConfig, 'buktiKehadiran'>>;
  /** Passkey mode only (config `buktiKehadiran: "passkey"`): the site's RP id and origin, from its configured address. */
  site?: Site | undefined;
}

export const tapRules = (config: PresenceSettings['config']): TapRules => ({
  ticketMaxAgeMs: config.tiketBerlakuMenit * 60_000,
  graceAfterCloseMs: config.luringSampaiMenit * 60_000,
});

/** A fresh window ticket for the link's owner (for `sesiId`, or none outside an apel). */
export function issueTicket(nip: string, sesiId: string | null, now: Date, settings: PresenceSettings): string {
  const at = now.getTime();
  return signTicket(settings.secrets.current, { nip, sesiId, at, exp: at + settings.config.tiketBerlakuMenit * 60_000 });
}

interface Verified {
  verdict: DeviceVerdict;
  ticket?: Ticket;
  elapsedMs?: number;
}

/**
 * The proof's form (400), its ticket (ours, this ASN's, this subject's: 403), the device
 * (the binding rules: 403/409) and the signature over `message` (403). Nothing is written.
 */
function verify(link: Link, subject: string | null, proof: ProofInput | undefined, now: Date, settings: PresenceSettings, message: (ticket: string, elapsed: number) => string): Verified {
  const base = { bound: link.perangkat, today: localDate(now, settings.config.timeZone), requiredFrom: settings.config.perangkatWajibSejak };
  if (!proof) return { verdict: judgeDevice({ ...base, key: undefined, signed: false }) };
  const ticket = readTicket(proof.tiket, settings.secrets.accepted);
  const elapsedMs = message === checkinMessage ? parseElapsed(proof.ms) : 0;
  const key: DeviceKey | undefined = proof.kunci === undefined ? undefined : parseDeviceKey(proof.kunci);
  requireOwnTicket(ticket, link.nip, subject);
  const verdict = judgeDevice({ ...base, key, signed: true });
  const signer = verdict.kind === 'ikat' ? verdict.key : link.perangkat!.key;
  verifyDeviceSignature(signer, message(proof.tiket as string, elapsedMs), proof.tanda);
  return { verdict, ticket, elapsedMs };
}

export interface ProvenCheckin {
  status: CheckinStatus;
  /** The record's proof fields. */
  fields: Pick<Checkin, 'bukti' | 'kid' | 'ketukPada' | 'tiketPada' | 'luring'>;
  /** The phone this first signed check-in binds the link to. */
  bind?: BoundDevice;
  /** The passkey's counter to keep, when its authenticator counts signatures (it must have gone up). */
  counted?: { id: string; counter: number };
}

/**
 * The device is judged first, so a refusal for another phone is never mistaken for a repeat
 * (the window refusals, which may be, are thrown by `decide`). Signed: the tap counts at its
 * own time (core/presence.ts decideTap). Unsigned (allowed before binding is required): at
 * the arrival, as before.
 */
export function provenCheckin(link: Link, sesi: OpenSesi & { id: string }, proof: ProofInput | undefined, now: Date, settings: PresenceSettings, formatClock: (d: Date) => string) {
  const { verdict, ticket, elapsedMs } = verify(link, sesi.id, proof, now, settings, checkinMessage);
  // Passkey mode, once the link has a passkey: the same message, signed by it with user verification too.
  const passkey = link.passkey;
  const counter =
    passkey && settings.site && ticket
      ? verifyPasskeyAssertion(passkey, proof!.passkey ?? throwError(passkeyRequired()), passkeyChallenge(checkinMessage(proof!.tiket as string, elapsedMs!)), settings.site)
      : undefined;
  return {
    verdict,
    decide(): ProvenCheckin {
      if (verdict.kind === 'tanpa' || !ticket) return { status: decideCheckin(now, sesi, formatClock), fields: { bukti: 'tanpa' } };
      const tap = decideTap({ ticket, elapsedMs: elapsedMs ?? 0, arrival: now, sesi, rules: tapRules(settings.config), formatClock });
      const fields: ProvenCheckin['fields'] = {
        bukti: counter === undefined ? 'perangkat' : 'passkey',
        kid: verdict.kid,
        ketukPada: tap.tapAt.toISOString(),
        tiketPada: tap.ticketAt.toISOString(),
        ...(tap.luring ? { luring: true } : {}),
      };
      return {
        status: tap.status,
        fields,
        ...(verdict.kind === 'ikat' ? { bind: { kid: verdict.kid, key: verdict.key, at: now.toISOString() } } : {}),
        ...(counter !== undefined && (counter > 0 || passkey!.counter > 0) ? { counted: { id: passkey!.id, counter } } : {}),
      };
    },
  };
}

/** "Saya siap": signed over the readiness check's id with a ticket of this ASN (any sesi or none). */
export function proveReadiness(link: Link, cekId: string, proof: ProofInput | undefined, now: Date, settings: PresenceSettings): DeviceVerdict {
  if (proof) {
    // The ticket names the sesi it was given for; a readiness answer is signed over the check's id instead.
    const ticket = readTicket(proof.tiket, settings.secrets.accepted);
    if (now.getTime() > ticket.exp) throw new Forbidden('TIKET_KEDALUWARSA', 'Tiket kehadiran sudah kedaluwarsa. Muat ulang halaman, lalu jawab lagi.');
    return verify(link, ticket.sesiId, proof, now, settings, (t) => readinessMessage(t, cekId)).verdict;
  }
  return verify(link, null, undefined, now, settings, () => '').verdict;
}

const throwError = (e: Error): never => {
  throw e;
};
