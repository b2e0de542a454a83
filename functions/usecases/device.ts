import type { Principal } from '../core/access';
import { auditEntry } from '../core/audit';
import type { BoundDevice } from '../core/presence';
import { keyId, parseDeviceKey } from '../core/presence';
import type { Opd } from '../core/roster';
import { bindDevice, decideDeviceRequest, requestDevice } from '../store/device-store';
import type { Link } from '../store/link-store';

/**
 * The phone a link is bound to (core/presence.ts), outside the check-in: the page
 * registers its key when it first opens the link (binding an unbound link, or asking the
 * head to approve a new phone), and the head or an admin approves or refuses in one tap.
 */

export type DeviceState = 'terikat' | 'menunggu';

/**
 * POST /api/perangkat: an unbound link binds to this key (two phones racing: one wins, the
 * other's request waits for approval); the bound key is answered as bound; another key goes
 * to the head as a request (a repeated request changes nothing).
 */
export async function registerDevice(who: Link, raw: unknown, now: Date): Promise<{ status: DeviceState; perangkat: string }> {
  const key = parseDeviceKey(raw);
  const kid = keyId(key);
  if (who.perangkat?.kid === kid) return { status: 'terikat', perangkat: kid };
  const device: BoundDevice = { kid, key, at: now.toISOString() };
  if (!who.perangkat && (await bindDevice(who, device))) return { status: 'terikat', perangkat: kid };
  if (who.perangkatBaru?.kid !== kid) await requestDevice(who, device, now);
  return { status: 'menunggu', perangkat: kid };
}

/** POST /api/opd/{opd}/perangkat/{nip}: the head's (or an admin's) decision on a new phone, audited. */
export async function decideDevice(who: Principal, opd: Opd, nip: string, kid: string, setuju: boolean, now: Date): Promise<{ nip: string; setuju: boolean }> {
  const audit = auditEntry(who, now, {
    action: setuju ? 'perangkat.setujui' : 'perangkat.tolak',
    opd: opd.kode,
    target: `asn:${nip}`,
    after: { perangkat: kid, setuju },
  });
  await decideDeviceRequest(opd.kode, nip, kid, setuju, audit);
  return { nip, setuju };
}
