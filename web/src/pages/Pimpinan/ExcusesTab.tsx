import { useEffect, useState } from 'preact/hooks';
import type { Excuse, ExcuseKind, RollRow } from '../../../../contract';
import { formatNip } from '../../lib/nip';
import { dateIn, hourMinute, shortDate } from '../../lib/time';
import { EXCUSE_KINDS, listExcuses, messageOf, recordExcuse, withdrawExcuse } from './api';
import { addDays, EXCUSE_LABEL, matchesSearch } from './roll';
import type { TabProps } from './tabs';
import { DateField } from '../../components/DateField';
import { angka } from '../../lib/number';

interface Props extends TabProps {
  /** The OPD's expected ASN, from the live roll. */
  rows: RollRow[];
  initialNip: string | undefined;
  onChanged: () => void;
}

/** Excuses: record one for an ASN of the OPD, see the current and recent ones, withdraw one. */
export function ExcusesTab(props: Props) {
  const { token, opd, today } = props;
  const [list, setList] = useState<Excuse[]>();
  const [listError, setListError] = useState<string>();
  const range = { dari: addDays(today, -30), sampai: addDays(today, 90) };

  const refresh = () =>
    listExcuses(token, opd, range.dari, range.sampai).then(
      (l) => {
        setList(l);
        setListError(undefined);
      },
      (e) => setListError(messageOf(e)),
    );
  useEffect(() => void refresh(), [token, opd]);

  const names = new Map(props.rows.map((r) => [r.nip, r.nama]));
  const changed = () => {
    void refresh();
    props.onChanged();
  };
  // Running and future excuses first, then the rest, newest first.
  const sorted = [...(list ?? [])].sort(
    (a, b) => Number(isCurrent(b, today)) - Number(isCurrent(a, today)) || b.dari.localeCompare(a.dari) || b.at.localeCompare(a.at),
  );

  return (
    <>
      <ExcuseForm {...props} onSaved={changed} />
      <section class="card" aria-labelledby="izin-list-title" data-testid="izin-list">
        <h2 id="izin-list-title">Izin berjalan dan terbaru</h2>
        <p class="muted">
          {shortDate(range.dari)} sampai {shortDate(range.sampai)}
        </p>
        {listError && <p class="error">{listError}</p>}
        {!list && !listError && <p class="muted">Memuat…</p>}
        {list && list.length === 0 && <p class="muted">Belum ada izin dalam rentang ini.</p>}
        {sorted.length > 0 && (
          <ul class="izin-list">
            {sorted.map((i) => (
              <ExcuseItem key={i.id} izin={i} nama={names.get(i.nip)} pencatat={names.get(i.oleh)} {...props} onWithdrawn={changed} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const isCurrent = (i: Excuse, today: string) => !i.ditarik && i.sampai >= today;

function ExcuseForm({ token, opd, today, rows, initialNip, onSaved }: Props & { onSaved: () => void }) {
  const [search, setSearch] = useState('');
  const [nip, setNip] = useState(initialNip ?? '');
  const [jenis, setJenis] = useState<ExcuseKind>('izin');
  const [dari, setDari] = useState(today);
  const [sampai, setSampai] = useState(today);
  const [catatan, setCatatan] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const people = [...rows].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  const shown = people.filter((r) => r.nip === nip || matchesSearch(r, search));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!nip) return setMessage({ ok: false, text: 'Pilih ASN dulu.' });
    if (!dari || !sampai) return setMessage({ ok: false, text: 'Isi tanggal mulai dan selesai sebagai hari/bulan/tahun, mis. 30/11/2026.' });
    if (sampai < dari) return setMessage({ ok: false, text: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' });
    setBusy(true);
    setMessage(undefined);
    try {
      const izin = await recordExcuse(token, opd, { nip, jenis, dari, sampai, catatan: catatan.trim() });
      const nama = rows.find((r) => r.nip === izin.nip)?.nama ?? izin.nip;
      setMessage({ ok: true, text: `${EXCUSE_LABEL[izin.jenis]} untuk ${nama} tercatat.` });
      setNip('');
      setSearch('');
      setCatatan('');
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="izin-form-title">
      <h2 id="izin-form-title">Catat izin</h2>
      {/* The last "tercatat" message goes as soon as the next excuse is being filled in. */}
      <form
        class="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onInput={() => message?.ok && setMessage(undefined)}
        onChange={() => message?.ok && setMessage(undefined)}
        data-testid="izin-form"
      >
        <label>
          Cari ASN
          <input type="search" value={search} placeholder="Nama atau NIP" onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label>
          ASN
          <select value={nip} onChange={(e) => setNip(e.currentTarget.value)} required data-testid="izin-asn">
            <option value="">— pilih ASN ({angka(shown.length)}) —</option>
            {shown.map((r) => (
              <option key={r.nip} value={r.nip}>
                {r.nama} · {formatNip(r.nip)}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="jenis">
          <legend>Jenis</legend>
          {EXCUSE_KINDS.map((j) => (
            <label key={j} class="chip">
              <input type="radio" name="jenis" value={j} checked={jenis === j} onChange={() => setJenis(j)} />
              {EXCUSE_LABEL[j]}
            </label>
          ))}
        </fieldset>
        <div class="form-row">
          <label>
            Dari
            <DateField
              value={dari}
              onChange={(v) => {
                setDari(v);
                if (v && sampai < v) setSampai(v);
              }}
              testId="izin-dari"
            />
          </label>
          <label>
            Sampai
            <DateField value={sampai} min={dari || undefined} onChange={setSampai} testId="izin-sampai" />
          </label>
        </div>
        <label>
          Catatan <span class="muted">(boleh dikosongkan, paling banyak 500 karakter)</span>
          <textarea rows={2} maxLength={500} value={catatan} onInput={(e) => setCatatan(e.currentTarget.value)} data-testid="izin-catatan" />
        </label>
        <div role="status" aria-live="polite">
          {message && (
            <p class={message.ok ? 'ok' : 'error'} data-testid="izin-message">
              {message.text}
            </p>
          )}
        </div>
        <button type="submit" class="btn-primary" disabled={busy} data-testid="izin-simpan">
          {busy ? 'Menyimpan…' : 'Simpan izin'}
        </button>
      </form>
    </section>
  );
}

function ExcuseItem(props: Props & { izin: Excuse; nama: string | undefined; pencatat: string | undefined; onWithdrawn: () => void }) {
  const { izin, timeZone, zoneLabel, today } = props;
  const when = (iso: string) => `${shortDate(dateIn(Date.parse(iso), timeZone))} ${hourMinute(iso, timeZone)} ${zoneLabel}`;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const withdraw = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await withdrawExcuse(props.token, props.opd, izin.id);
      setConfirming(false);
      props.onWithdrawn();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={izin.ditarik ? 'izin is-withdrawn' : 'izin'} data-testid={`izin-${izin.nip}`}>
      <div class="izin-head">
        <span class="asn-name">{props.nama ?? formatNip(izin.nip)}</span>
        <span class={izin.ditarik ? 'badge badge-jadwal' : 'badge badge-izin'}>{EXCUSE_LABEL[izin.jenis]}</span>
      </div>
      <p>
        {shortDate(izin.dari)}
        {izin.sampai !== izin.dari && ` – ${shortDate(izin.sampai)}`}
        {isCurrent(izin, today) && izin.dari <= today && <span class="ok-text"> · berlaku hari ini</span>}
        {izin.catatan && <span>: {izin.catatan}</span>}
      </p>
      <p class="muted">
        Dicatat {props.pencatat ?? formatNip(izin.oleh)}, {when(izin.at)}
        {izin.ditarik && ` · ditarik ${when(izin.ditarik.at)}`}
      </p>
      {!izin.ditarik &&
        (confirming ? (
          <div class="confirm" role="group" aria-label="Konfirmasi penarikan">
            <p>Tarik izin ini? {props.nama ?? izin.nip} akan dihitung lagi sesuai kehadirannya.</p>
            <div class="actions">
              <button type="button" class="btn-small btn-danger" disabled={busy} onClick={() => void withdraw()} data-testid="izin-tarik-ya">
                Ya, tarik
              </button>
              <button type="button" class="btn-small" onClick={() => setConfirming(false)}>
                Batal
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="btn-small" onClick={() => setConfirming(true)} data-testid="izin-tarik">
            Tarik izin
          </button>
        ))}
      {error && <p class="error">{error}</p>}
    </li>
  );
}
