import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { EvaluationQuery, Me, Opd } from '../../../../contract';
import { AppHeader } from '../../components/AppHeader';
import { ApiError, getMe, request } from '../../lib/api';
import { saveFile } from '../../lib/download';
import type { PageProps } from '../../lib/lazy';
import { navigate } from '../../lib/navigate';
import { param } from '../../lib/route';
import { stylesheet } from '../../lib/stylesheet';
import { dateIn } from '../../lib/time';
import type { Evaluation } from './api';
import { getEvaluation, getEvaluationCsv, messageOf } from './api';
import { PeriodPicker, periodQuery, type PeriodChoice } from './PeriodPicker';
import { Report } from './Report';
import { periodText } from './format';
import cssUrl from './evaluasi.css?url';
import uplotCssUrl from 'uplot/dist/uPlot.min.css?url';

/** Called by `main.tsx` through `Lazy`: the page's stylesheets first, so it never shows unstyled. */
export async function load(): Promise<ComponentType<PageProps>> {
  await Promise.all([stylesheet(uplotCssUrl), stylesheet(cssUrl)]);
  return Evaluasi;
}

/** The period in the address (`?periode=2026-11`, `?dari=…&sampai=…`, `&opd=…`), so a reload or a bookmark stays there. */
function fromAddress(): { choice: PeriodChoice | undefined; opd: string | undefined } {
  const periode = param('periode');
  const dari = param('dari');
  const sampai = param('sampai');
  const choice: PeriodChoice | undefined = periode
    ? /Q/.test(periode)
      ? { kind: 'triwulan', value: periode }
      : { kind: 'bulan', value: periode }
    : dari && sampai
      ? { kind: 'kustom', dari, sampai }
      : undefined;
  return { choice, opd: param('opd') };
}

/** The previous calendar month of the server's today: a complete month, compared with the one before. */
function lastMonth(today: string): PeriodChoice {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { kind: 'bulan', value: month };
}

/** `/evaluasi`: the WFA evaluation (admin: the regency and every OPD; a head: their own OPD). */
export function Evaluasi({ token }: PageProps) {
  const [me, setMe] = useState<Me>();
  const [opds, setOpds] = useState<Opd[]>();
  const [failed, setFailed] = useState<string>();
  const start = fromAddress();
  const [choice, setChoice] = useState<PeriodChoice | undefined>(start.choice);
  const [opd, setOpd] = useState<string | undefined>(start.opd);
  const [data, setData] = useState<Evaluation>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!token) return;
    Promise.all([getMe(token), request<{ opd: Opd[] }>('GET', '/opd', token)]).then(
      ([m, list]) => {
        setMe(m.me);
        setOpds(list.body.opd);
        setChoice((c) => c ?? lastMonth(dateIn(Date.parse(m.me.now), m.me.timeZone)));
      },
      (e) => setFailed(messageOf(e)),
    );
  }, [token]);

  const q: EvaluationQuery | undefined = choice && { ...periodQuery(choice), ...(opd ? { opd } : {}) };
  const key = JSON.stringify(q);
  useEffect(() => {
    if (!token || !q) return;
    setLoading(true);
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]);
    navigate(`${location.pathname}?${params}`, true);
    getEvaluation(token, q).then(
      (d) => {
        setData(d);
        setFailed(undefined);
        setLoading(false);
      },
      (e) => {
        setFailed(e instanceof ApiError ? e.message : messageOf(e));
        setLoading(false);
      },
    );
  }, [token, key]);

  const isAdmin = me?.asn.role === 'admin';
  const download = async () => {
    if (!token || !q) return;
    try {
      const { blob, filename } = await getEvaluationCsv(token, q);
      saveFile(filename, blob);
    } catch (e) {
      setFailed(messageOf(e));
    }
  };

  return (
    <>
      <AppHeader regency={me?.regency} />
      <main class="page page-eval">
        <section class="card no-print eval-controls" aria-label="Pilihan periode">
          <div class="eval-title-row">
            <h2>Evaluasi WFA</h2>
            <a class="eval-back" href={isAdmin ? '/admin' : '/pimpinan'}>
              Kembali
            </a>
          </div>
          {!token && <p>Buka halaman ini dari tautan pribadi Anda (admin atau pimpinan OPD).</p>}
          {choice && <PeriodPicker value={choice} onChange={setChoice} />}
          {isAdmin && opds && (
            <label class="eval-field">
              <span>Cakupan</span>
              <select value={opd ?? ''} onChange={(e) => setOpd(e.currentTarget.value || undefined)} data-testid="eval-opd">
                <option value="">Semua OPD (kabupaten)</option>
                {opds.map((o) => (
                  <option key={o.kode} value={o.kode}>
                    {o.nama}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div class="eval-actions">
            <button type="button" class="btn-secondary" onClick={download} disabled={!data} data-testid="eval-csv">
              Unduh CSV (Excel)
            </button>
            <button type="button" class="btn-secondary" onClick={() => print()} disabled={!data} data-testid="eval-print">
              Cetak laporan (A4)
            </button>
          </div>
          {loading && (
            <p class="muted" role="status">
              Memuat evaluasi…
            </p>
          )}
          {failed && (
            <p class="error" role="alert" data-testid="eval-error">
              {failed}
            </p>
          )}
        </section>
        {data && (
          <Report
            data={data}
            token={token}
            isAdmin={isAdmin}
            onUploaded={() => {
              if (token && q) getEvaluation(token, q).then(setData, (e) => setFailed(messageOf(e)));
            }}
          />
        )}
        {data && <p class="print-only muted">Dicetak dari Apel WFA · periode {periodText(data.periode)}</p>}
      </main>
    </>
  );
}
