import { useState } from 'preact/hooks';
import type { Roll } from '../../../../contract';
import { ApiError } from '../../lib/api';
import { hourMinute } from '../../lib/time';
import { sendNudge } from './api';
import { whatsappMessage } from './whatsapp';

/**
 * While the apel is open, for those not yet checked in (issue 12): "Salin pesan WhatsApp"
 * copies a ready message for the OPD's group, "Kirim pengingat" pushes to those of them who
 * switched reminders on, once per apel (the server refuses a second one, and says when).
 */
export function Nudge({ roll, token, opd, zoneLabel, clockOffset }: { roll: Roll; token: string; opd: string; zoneLabel: string; clockOffset: number }) {
  const [copied, setCopied] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sesi = roll.sesi!;
  const waiting = roll.counts.belumHadir;

  const copy = async () => {
    const text = whatsappMessage(roll, Date.now() + clockOffset, zoneLabel);
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Pesan disalin. Tempelkan di grup WhatsApp OPD.');
    } catch {
      // No clipboard (an old browser, no permission): the text to copy by hand.
      setCopied(text);
    }
  };

  const nudge = async () => {
    setBusy(true);
    try {
      const r = await sendNudge(token, opd, sesi.id);
      setSent(
        `Pengingat dikirim ${hourMinute(r.dikirimPada, roll.timeZone)} ${zoneLabel} kepada ${r.berlangganan} dari ${r.belumHadir} pegawai yang belum hadir` +
          (r.berlangganan < r.belumHadir ? ' (yang lain belum menyalakan pengingat; salin pesan WhatsApp untuk mereka).' : '.'),
      );
    } catch (e) {
      setSent(e instanceof ApiError ? e.message : 'Pengingat gagal dikirim. Coba lagi.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="roll-tools" data-testid="pengingat-pimpinan">
      <p>
        <button type="button" class="btn-small" onClick={() => void copy()} disabled={waiting === 0} data-testid="salin-wa">
          Salin pesan WhatsApp
        </button>{' '}
        <button type="button" class="btn-small" onClick={() => void nudge()} disabled={busy || waiting === 0 || !!sent} data-testid="kirim-pengingat">
          {busy ? 'Mengirim…' : 'Kirim pengingat'}
        </button>
      </p>
      {copied &&
        (copied.includes('\n') ? (
          <textarea readOnly rows={6} value={copied} aria-label="Pesan WhatsApp" data-testid="pesan-wa" onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <p role="status" class="muted" data-testid="wa-disalin">
            {copied}
          </p>
        ))}
      {sent && (
        <p role="status" data-testid="pengingat-terkirim">
          {sent}
        </p>
      )}
    </div>
  );
}
