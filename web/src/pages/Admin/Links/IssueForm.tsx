import { useState } from 'preact/hooks';
import type { LinkScope, LinksResult, OpdListRow } from '../../../../../contract';
import { links } from '../api/links';
import type { AdminContext } from '../context';
import { Confirm } from '../ui/Confirm';
import { ErrorNote } from '../ui/Messages';
import { OpdSelect } from '../ui/OpdSelect';
import { useAction } from '../ui/useAction';
import { Form } from '../../../components/Form';

type Scope = 'nip' | 'opd' | 'semua';
type Aksi = 'terbitkan' | 'cabut';

/**
 * Issue (or reissue) and revoke personal links for one ASN, an OPD or everyone. Anything
 * that invalidates links people already have asks first.
 */
export function IssueForm({
  ctx,
  opds,
  nip: initialNip,
  onResult,
}: {
  ctx: AdminContext;
  opds: OpdListRow[];
  nip: string | undefined;
  onResult: (r: LinksResult, label: string) => void;
}) {
  const [scope, setScope] = useState<Scope>(initialNip ? 'nip' : 'opd');
  const [nip, setNip] = useState(initialNip ?? '');
  const [opd, setOpd] = useState('');
  const [asking, setAsking] = useState<Aksi>();
  const act = useAction();

  const cleanNip = nip.replace(/\D/g, '');
  const cakupan: LinkScope | undefined =
    scope === 'nip' ? (cleanNip ? { nip: cleanNip } : undefined) : scope === 'opd' ? (opd ? { opd } : undefined) : { semua: true };
  const opdNama = opds.find((o) => o.kode === opd)?.nama ?? opd;
  const who = scope === 'nip' ? `ASN dengan NIP ${cleanNip}` : scope === 'opd' ? `semua ASN aktif ${opdNama}` : 'SEMUA ASN aktif di kabupaten';
  const label = scope === 'nip' ? cleanNip : scope === 'opd' ? opdNama : 'semua OPD';

  async function go(aksi: Aksi) {
    setAsking(undefined);
    if (!cakupan) return;
    const r = await act.run(() => links(ctx.token, { cakupan, aksi }));
    if (r) onResult(r, label);
  }

  // Issuing for one person needs no question (their old link simply stops working).
  const ask = (aksi: Aksi) => (aksi === 'terbitkan' && scope === 'nip' ? void go(aksi) : setAsking(aksi));

  return (
    <section class="adm-card" aria-labelledby="tautan-form-h" data-testid="tautan-form">
      <h2 id="tautan-form-h">Terbitkan atau cabut tautan pribadi</h2>
      <Form
        problemClass="adm-note adm-note-error"
        class="adm-form"
        onSubmit={(e) => {
          e.preventDefault();
          ask('terbitkan');
        }}
      >
        <fieldset class="adm-radios">
          <legend>Untuk</legend>
          {(
            [
              ['nip', 'Satu ASN'],
              ['opd', 'Satu OPD'],
              ['semua', 'Semua ASN'],
            ] as [Scope, string][]
          ).map(([v, text]) => (
            <label key={v} class="adm-check">
              <input type="radio" name="cakupan" value={v} checked={scope === v} onChange={() => setScope(v)} data-testid={`cakupan-${v}`} />
              {text}
            </label>
          ))}
        </fieldset>
        {scope === 'nip' && (
          <label class="adm-inline">
            NIP
            <input value={nip} onInput={(e) => setNip(e.currentTarget.value)} required inputMode="numeric" placeholder="18 angka" data-testid="tautan-nip" class="adm-w-nip" />
          </label>
        )}
        {scope === 'opd' && (
          <label class="adm-inline">
            OPD
            <OpdSelect opds={opds} value={opd} onChange={setOpd} empty="— pilih OPD —" required testid="tautan-opd" />
          </label>
        )}
        <p class="muted">
          Tautan baru menggantikan tautan lama: tautan lama langsung tidak berlaku. Tautan hanya ditampilkan sekali, setelah
          diterbitkan.
        </p>
        <ErrorNote error={act.error} />
        <div class="adm-actions">
          <button type="submit" class="adm-btn adm-btn-primary" disabled={act.busy || !cakupan} data-testid="tautan-terbitkan">
            {act.busy ? 'Memproses…' : 'Terbitkan tautan'}
          </button>
          <button type="button" class="adm-btn adm-btn-danger-outline" disabled={act.busy || !cakupan} onClick={() => ask('cabut')} data-testid="tautan-cabut">
            Cabut tautan
          </button>
        </div>
      </Form>
      {asking && (
        <Confirm
          title={asking === 'cabut' ? `Cabut tautan ${who}?` : `Terbitkan tautan baru untuk ${who}?`}
          confirmLabel={asking === 'cabut' ? 'Cabut tautan' : 'Terbitkan tautan baru'}
          onConfirm={() => void go(asking)}
          onCancel={() => setAsking(undefined)}
        >
          {asking === 'cabut' ? (
            <p>
              Tautan mereka langsung tidak berlaku: mereka tidak dapat presensi sampai Anda menerbitkan tautan baru dan
              membagikannya kembali.
              {scope === 'semua' && <strong> Ini berlaku untuk seluruh ASN kabupaten, termasuk pimpinan dan admin lain.</strong>}
            </p>
          ) : (
            <p>
              Tautan yang sudah mereka punya langsung tidak berlaku; tautan baru harus dibagikan lagi (CSV, kartu cetak, atau
              WhatsApp).
            </p>
          )}
          {asking === 'cabut' && scope === 'semua' && (
            <p class="adm-note adm-note-warn">Tautan Anda sendiri juga dicabut; simpan dulu tautan admin baru bila perlu.</p>
          )}
        </Confirm>
      )}
    </section>
  );
}
