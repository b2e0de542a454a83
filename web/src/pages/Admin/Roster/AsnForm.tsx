import { useEffect, useRef, useState } from 'preact/hooks';
import type { AsnInput, AsnPatch, AsnView, OpdListRow, Role } from '../../../../../contract';
import { addAsn, patchAsn } from '../api/roster';
import type { AdminContext } from '../context';
import { ErrorNote } from '../ui/Messages';
import { OpdSelect } from '../ui/OpdSelect';
import { PERAN } from '../ui/labels';
import { useAction } from '../ui/useAction';
import { Form } from '../../../components/Form';
import { formatPhone, normalisePhone } from '../../../../../functions/core/phone';

/** The form: every field of `AsnInput`, filled in. */
type AsnDraft = Required<AsnInput>;

const EMPTY: AsnDraft = { nip: '', nama: '', jabatan: '', opd: '', status: 'PNS', noHp: '', peran: 'asn', kecamatan: '' };

/**
 * Add an ASN, or edit one (name, position, status, phone, OPD = move, role). Shown in a
 * modal dialog; on an error the dialog stays open with everything typed.
 */
export function AsnForm({
  ctx,
  opds,
  asn,
  onSaved,
  onClose,
}: {
  ctx: AdminContext;
  opds: OpdListRow[];
  /** The ASN to edit; undefined to add one. */
  asn: AsnView | undefined;
  onSaved: (asn: AsnView, message: string) => void;
  onClose: () => void;
}) {
  // The phone in the one format the console shows (core/phone.ts); the server stores its digits.
  const [form, setForm] = useState<AsnDraft>(asn ? { ...asn, noHp: formatPhone(asn.noHp), kecamatan: asn.kecamatan ?? '' } : EMPTY);
  const save = useAction();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const set = (k: keyof AsnDraft) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });

  async function submit(e: Event) {
    e.preventDefault();
    if (asn) {
      const patch: AsnPatch = {};
      for (const k of ['nama', 'jabatan', 'opd', 'status', 'noHp', 'peran', 'kecamatan'] as const) {
        const changed = k === 'noHp' ? (normalisePhone(form.noHp) ?? form.noHp.trim()) !== asn.noHp : form[k] !== (asn[k] ?? '');
        if (changed) (patch as Record<string, string>)[k] = form[k];
      }
      if (Object.keys(patch).length === 0) return onClose();
      const saved = await save.run(() => patchAsn(ctx.token, asn.nip, patch));
      if (saved) onSaved(saved, `Data ${saved.nama} disimpan.`);
    } else {
      const saved = await save.run(() => addAsn(ctx.token, { ...form, nip: form.nip.replace(/\D/g, '') }));
      if (saved) onSaved(saved, `${saved.nama} ditambahkan. Terbitkan tautan untuknya di tab Tautan.`);
    }
  }

  return (
    <dialog ref={dialog} class="adm-dialog adm-dialog-wide" aria-labelledby="asn-form-h" onCancel={onClose} data-testid="asn-form">
      <Form problemClass="adm-note adm-note-error" onSubmit={submit} class="adm-form">
        <h2 id="asn-form-h">{asn ? `Ubah data ${asn.nama}` : 'Tambah ASN'}</h2>
        <div class="adm-grid">
          <label>
            NIP
            <input
              value={form.nip}
              onInput={set('nip')}
              required
              inputMode="numeric"
              readOnly={!!asn}
              placeholder="18 angka"
              autocomplete="off"
              data-testid="asn-nip"
            />
          </label>
          <label>
            Nama lengkap dan gelar
            <input value={form.nama} onInput={set('nama')} required autocomplete="off" data-testid="asn-nama" />
          </label>
          <label>
            Jabatan
            <input value={form.jabatan} onInput={set('jabatan')} autocomplete="off" />
          </label>
          <label>
            OPD {asn && form.opd !== asn.opd && <span class="adm-hint">(dipindahkan; tautannya ikut)</span>}
            <OpdSelect opds={opds} value={form.opd} onChange={(opd) => setForm({ ...form, opd })} empty="— pilih OPD —" required testid="asn-opd" />
          </label>
          <label>
            Status
            <select value={form.status} onChange={set('status')}>
              <option value="PNS">PNS</option>
              <option value="PPPK">PPPK</option>
            </select>
          </label>
          <label>
            Nomor HP (WhatsApp)
            <input value={form.noHp} onInput={set('noHp')} inputMode="tel" placeholder="+62 812-3456-7890" autocomplete="off" />
          </label>
          <label>
            Kecamatan tempat tinggal
            <input value={form.kecamatan} onInput={set('kecamatan')} autocomplete="off" placeholder="tempat bekerja pada hari WFA" data-testid="asn-kecamatan" />
          </label>
          <label>
            Peran
            <select value={form.peran} onChange={set('peran')} data-testid="asn-peran">
              {(Object.keys(PERAN) as Role[]).map((p) => (
                <option key={p} value={p}>
                  {PERAN[p]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {form.peran === 'admin' && (!asn || asn.peran !== 'admin') && (
          <p class="adm-note adm-note-warn">Admin dapat mengubah seluruh data kabupaten, termasuk menerbitkan tautan. Pastikan orangnya tepat.</p>
        )}
        <ErrorNote error={save.error} />
        <div class="adm-actions">
          <button type="submit" class="adm-btn adm-btn-primary" disabled={save.busy} data-testid="asn-save">
            {save.busy ? 'Menyimpan…' : 'Simpan'}
          </button>
          <button type="button" class="adm-btn" onClick={onClose} disabled={save.busy}>
            Batal
          </button>
        </div>
      </Form>
    </dialog>
  );
}
