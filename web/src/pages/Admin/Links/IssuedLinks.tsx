import { useState } from 'preact/hooks';
import type { LinkCard } from '../../../../../contract';
import { saveFile } from '../../../lib/download';
import { formatNip } from '../../../lib/nip';
import { Confirm } from '../ui/Confirm';
import { PERAN } from '../ui/labels';
import type { Column } from '../ui/Table';
import { Table } from '../ui/Table';
import type { Separator } from './linksCsv';
import { linksCsv } from './linksCsv';
import { PrintSheet } from './PrintSheet';
import { angka } from '../../../lib/number';

/**
 * Links just issued: they exist only here (the server keeps hashes), so the admin saves them
 * as CSV, prints the cards per OPD, or sends each by WhatsApp now.
 */
export function IssuedLinks({ links, namaBerkas, onClose }: { links: LinkCard[]; namaBerkas: string; onClose: () => void }) {
  const [printOpd, setPrintOpd] = useState<string>();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState<string>();
  const [closing, setClosing] = useState(false);
  const [saved, setSaved] = useState(false);
  const opds = [...new Map(links.map((l) => [l.opd, l.opdNama || l.opd])).entries()];
  const toPrint = printOpd === undefined ? [] : links.filter((l) => l.opd === printOpd);
  const perOpd = (kode: string) => links.filter((l) => l.opd === kode).length;

  const save = (sep: Separator) => {
    saveFile(sep === ',' ? namaBerkas.replace(/\.csv$/, '-koma.csv') : namaBerkas, linksCsv(links, sep));
    setSaved(true);
  };

  async function copy(l: LinkCard) {
    try {
      await navigator.clipboard.writeText(l.tautan);
      setCopied(l.nip);
    } catch {
      setCopied(undefined);
    }
  }

  const columns: Column<LinkCard>[] = [
    { head: 'Nama', cell: (l) => l.nama },
    { head: 'NIP', cell: (l) => formatNip(l.nip), td: () => ({ class: 'adm-nip' }) },
    { head: 'OPD', cell: (l) => l.opdNama || l.opd },
    { head: 'Peran', cell: (l) => PERAN[l.peran] ?? l.peran },
    {
      head: 'Tautan',
      td: () => ({ class: 'adm-link-cell' }),
      cell: (l) => (
        <>
          <code class="adm-url" data-testid="issued-url">
            {l.tautan}
          </code>
          <button type="button" class="adm-link" onClick={() => void copy(l)}>
            {copied === l.nip ? 'Tersalin' : 'Salin'}
          </button>
        </>
      ),
    },
    {
      head: <span class="adm-sr">Kirim</span>,
      cell: (l) =>
        l.waMe ? (
          <a class="adm-btn adm-btn-small adm-btn-wa" href={l.waMe} target="_blank" rel="noopener noreferrer" data-testid="wa">
            WhatsApp
          </a>
        ) : (
          <span class="muted" title="Nomor HP belum ada di daftar pegawai">
            tanpa nomor HP
          </span>
        ),
    },
  ];

  return (
    <section class="adm-card adm-issued" aria-labelledby="issued-h" data-testid="issued">
      <div class="adm-noprint">
        <div class="adm-card-head">
          <h2 id="issued-h">{angka(links.length)} tautan baru</h2>
          <button type="button" class="adm-btn adm-btn-small" onClick={() => (saved ? onClose() : setClosing(true))}>
            Tutup
          </button>
        </div>
        <p class="adm-note adm-note-warn" role="note">
          Tautan ini hanya ditampilkan sekarang; server tidak menyimpannya. Unduh CSV atau cetak kartunya sebelum menutup
          halaman ini.
        </p>
        <div class="adm-actions adm-wrap">
          <button type="button" class="adm-btn adm-btn-primary" onClick={() => save(';')} data-testid="csv-semicolon">
            Unduh CSV untuk Excel
          </button>
          <button type="button" class="adm-btn" onClick={() => save(',')} data-testid="csv-comma">
            Unduh CSV (pemisah koma)
          </button>
          <span class="adm-actions">
          <label class="adm-inline">
            Kartu QR
            <select value={printOpd ?? '-'} onChange={(e) => (setReady(false), setPrintOpd(e.currentTarget.value === '-' ? undefined : e.currentTarget.value))} data-testid="print-opd">
              <option value="-">— pilih untuk pratinjau —</option>
              {opds.map(([kode, nama]) => (
                <option key={kode} value={kode}>
                  {nama} ({perOpd(kode)} kartu)
                </option>
              ))}
            </select>
          </label>
          {printOpd !== undefined && (
            <button type="button" class="adm-btn" disabled={!ready} onClick={() => print()} data-testid="print">
              {ready ? 'Cetak (A4)' : 'Menyiapkan kartu…'}
            </button>
          )}
          </span>
        </div>
        <p class="muted">
          “Unduh CSV untuk Excel” memakai titik koma, yang dibuka rapi oleh Excel berbahasa Indonesia; pilih pemisah koma untuk
          Excel berbahasa Inggris. NIP dan nomor HP disimpan sebagai teks.
        </p>
        <div class="adm-table-wrap adm-scroll">
          <Table columns={columns} rows={links} rowKey={(l) => l.nip} tr={(l) => ({ 'data-nip': l.nip })} testId="issued-table" />
        </div>
      </div>
      {closing && (
        <Confirm title="Tutup tanpa mengunduh CSV?" confirmLabel="Tutup" onConfirm={onClose} onCancel={() => setClosing(false)}>
          <p>
            Tautan ini tidak dapat ditampilkan lagi. Bila belum dicetak atau dikirim, Anda harus menerbitkan tautan baru (dan
            tautan ini tidak berlaku lagi).
          </p>
        </Confirm>
      )}
      {printOpd !== undefined && (
        <>
          <h3 class="adm-noprint">Pratinjau cetak</h3>
          {/* The file name ends in the server's date of issue in the regency's zone (usecases/admin/links.ts). */}
          <PrintSheet links={toPrint} diterbitkan={/(\d{4}-\d\d-\d\d)\.csv$/.exec(namaBerkas)?.[1]} onReady={() => setReady(true)} />
        </>
      )}
    </section>
  );
}
