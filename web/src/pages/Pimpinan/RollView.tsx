import { useState } from 'preact/hooks';
import type { Counts, Roll } from '../../../../contract';
import { clockTime, hourMinute, longDate, shortDate } from '../../lib/time';
import type { Group } from './roll';
import { excusedBreakdown, excusedCount, groupOf, matchesSearch } from './roll';
import { DeviceRequests } from './DeviceRequests';
import { Nudge } from './Nudge';
import { RollRow } from './RollRow';
import type { TabProps } from './tabs';
import type { RollState } from './useRoll';
import { angka } from '../../lib/number';

interface Props extends TabProps {
  state: RollState & { reload: () => void };
  /** The sesi the head picked, if any (else the server's pick for today). */
  chosenSesi: string | undefined;
  onSesi: (id: string | undefined) => void;
  onIzin: (nip: string) => void;
}

const STATE_TEXT = { dibuka: 'Sedang dibuka', ditutup: 'Ditutup', terjadwal: 'Belum dibuka' } as const;
const CHIP_TEXT = { dibuka: 'dibuka', ditutup: 'ditutup', terjadwal: 'belum' } as const;

/** The live roll: counts at the top, then every expected ASN with their status. */
export function RollView(props: Props) {
  const { state } = props;
  const { roll } = state;
  if (!roll) {
    return (
      <section class="card" role={state.error ? 'alert' : 'status'}>
        {state.error ? <p class="error">{state.error}</p> : <p class="muted">Memuat daftar apel…</p>}
        {state.error && (
          <button type="button" class="btn-secondary" onClick={state.reload}>
            Coba lagi
          </button>
        )}
      </section>
    );
  }
  const { sesi } = roll;
  const otherDay = props.chosenSesi !== undefined && !roll.hariIni.some((s) => s.id === props.chosenSesi);

  return (
    <>
      <section class="card roll-head" aria-labelledby="roll-title" data-testid="roll-head">
        <div class="roll-title">
          <h2 id="roll-title">
            {sesi ? sesi.label : 'Tidak ada apel hari ini'}
            {sesi?.demo && <span class="tag tag-demo">Percobaan</span>}
          </h2>
          {sesi && <span class={sesi.state === 'dibuka' ? 'state state-open' : 'state'}>{STATE_TEXT[sesi.state]}</span>}
        </div>
        {sesi && !roll.hariIni.some((s) => s.id === sesi.id) && <p class="muted">{longDate(sesi.date)}</p>}
        {(roll.hariIni.length > 1 || otherDay) && (
          <div class="sesi-switch" role="group" aria-label="Pilih sesi">
            {roll.hariIni.map((s) => (
              <button
                key={s.id}
                type="button"
                class="chip"
                aria-pressed={sesi?.id === s.id}
                onClick={() => props.onSesi(s.id)}
                data-testid={`sesi-${s.id}`}
              >
                {s.label.replace(/^Apel /, '')}
                <span class="chip-note">{CHIP_TEXT[s.state]}</span>
              </button>
            ))}
            {otherDay && (
              <button type="button" class="chip" onClick={() => props.onSesi(undefined)}>
                Kembali ke hari ini
              </button>
            )}
          </div>
        )}
        {!sesi && <p class="muted">Rekap apel sebelumnya ada di bagian Rekap.</p>}
        {sesi?.gangguan && (
          <p class="notice-inline" role="note">
            {sesi.gangguan.mode === 'bebaskan' ? 'Semua ASN dibebaskan' : 'Waktu apel diperpanjang'}: {sesi.gangguan.keterangan}
          </p>
        )}
      </section>
      {sesi && <RollBody {...props} roll={roll} />}
    </>
  );
}

function RollBody(props: Props & { roll: Roll }) {
  const { roll, state, timeZone, zoneLabel } = props;
  const sesi = roll.sesi!;
  const hm = (iso: string) => hourMinute(iso, timeZone);
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<Group>();
  const rows = roll.rows.filter((r) => matchesSearch(r, query) && (!group || groupOf(r.status) === group));
  const present = roll.counts.hadir + roll.counts.terlambat;

  return (
    <>
      <DeviceRequests
        token={props.token}
        opd={props.opd}
        perangkat={roll.perangkat}
        expected={roll.counts.expected}
        timeZone={timeZone}
        zoneLabel={zoneLabel}
        onDecided={state.reload}
      />
      <CountTiles counts={roll.counts} group={group} onGroup={setGroup} />
      <section class="card roll-list" aria-label="Daftar ASN">
        <p class="roll-summary" data-testid="roll-summary">
          <strong>{angka(present)}</strong> dari {angka(roll.counts.expected)} ASN sudah hadir
          {roll.counts.expected > 0 && <span class="muted"> ({Math.round((present / roll.counts.expected) * 100)}%)</span>}
        </p>
        <p class="muted">
          {shortDate(sesi.date)} · {hm(sesi.opensAt)}–{hm(sesi.closesAt)} {zoneLabel} · tepat waktu s.d. {hm(sesi.onTimeUntil)}
          {roll.seragam && (
            <>
              {' '}
              · seragam <strong class="text">{roll.seragam}</strong>
            </>
          )}
        </p>
        <div class="roll-updated">
          <p role="status" data-testid="roll-updated">
            {state.updatedAt && `Diperbarui ${clockTime(new Date(state.updatedAt).toISOString(), timeZone)} ${zoneLabel}`}
            {roll.refreshSeconds ? `, otomatis tiap ${roll.refreshSeconds} detik` : ''}
          </p>
          <button type="button" class="btn-small" onClick={state.reload} data-testid="roll-refresh">
            Perbarui
          </button>
        </div>
        {state.error && <p class="error">Gagal memperbarui: {state.error}</p>}
        {sesi.state === 'dibuka' && <Nudge roll={roll} token={props.token} opd={props.opd} zoneLabel={zoneLabel} clockOffset={state.clockOffset ?? 0} />}
        <div class="roll-tools">
          <label class="search">
            <span class="sr-only">Cari nama atau NIP</span>
            <input
              type="search"
              placeholder="Cari nama atau NIP"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              data-testid="roll-search"
            />
          </label>
          {(query || group) && (
            <p class="muted" role="status">
              Menampilkan {angka(rows.length)} dari {angka(roll.rows.length)}
              {group && (
                <button type="button" class="btn-link" onClick={() => setGroup(undefined)}>
                  Tampilkan semua
                </button>
              )}
            </p>
          )}
        </div>
        {rows.length === 0 ? (
          <p class="muted">Tidak ada ASN yang cocok.</p>
        ) : (
          <table class="roll-table" data-testid="roll-table">
            <thead>
              <tr>
                <th scope="col">ASN</th>
                <th scope="col">Status</th>
                <th scope="col">Laporan / keterangan</th>
                <th scope="col">Seragam</th>
                <th scope="col">
                  <span class="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <RollRow key={r.nip} row={r} sesi={sesi} seragam={roll.seragam} {...props} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function CountTiles({ counts, group, onGroup }: { counts: Counts; group: Group | undefined; onGroup: (g: Group | undefined) => void }) {
  const excused = excusedCount(counts);
  const tiles: [Group, string, number, string?][] = [
    ['hadir', 'Hadir', counts.hadir],
    ['terlambat', 'Terlambat', counts.terlambat],
    ['belum_hadir', 'Belum hadir', counts.belumHadir],
    ['izin', 'Izin, sakit, cuti, DL, TB', excused, excusedBreakdown(counts)],
    ['tidak_hadir', 'Tidak hadir', counts.tidakHadir],
  ];
  if (counts.dibebaskan > 0) tiles.push(['dibebaskan', 'Dibebaskan', counts.dibebaskan]);
  return (
    <section class="counts" aria-label="Jumlah (tekan untuk menyaring daftar)" data-testid="counts">
      {tiles.map(([g, label, n, note]) => (
        <button
          key={g}
          type="button"
          class={`count count-${g}`}
          aria-pressed={group === g}
          onClick={() => onGroup(group === g ? undefined : g)}
          data-testid={`count-${g}`}
        >
          <span class="count-n">{angka(n)}</span>
          <span class="count-label">{label}</span>
          {note && <span class="count-note">{note}</span>}
        </button>
      ))}
    </section>
  );
}
