import { useEffect, useRef, useState } from 'preact/hooks';
import type { SurveyAnswerValue, SurveyElementId, SurveyForm } from '../../../../contract';
import { deviceId, getSurveyForm, messageOf, sendSurvey } from './api';

/** The mouth of each answer's face, from a frown (1) to a wide smile (4): drawn, so no emoji font is needed. */
const MOUTH: Record<SurveyAnswerValue, string> = { 1: 'M8 17.5 Q12 13 16 17.5', 2: 'M8.5 16.5 Q12 14.5 15.5 16.5', 3: 'M8.5 15 Q12 17.5 15.5 15', 4: 'M7.5 14 Q12 20 16.5 14' };

function Face({ value }: { value: SurveyAnswerValue }) {
  return (
    <svg class={`skm-face skm-face-${value}`} viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" />
      <circle class="skm-eye" cx="8.5" cy="9.5" r="1.3" />
      <circle class="skm-eye" cx="15.5" cy="9.5" r="1.3" />
      <path class="skm-mouth" d={MOUTH[value]} />
    </svg>
  );
}

type Answers = Partial<Record<SurveyElementId, SurveyAnswerValue>>;

/** The survey on a phone: nine questions of one tap each, an optional comment, one button. */
export function SurveyPage({ opd }: { opd: string }) {
  const [form, setForm] = useState<SurveyForm>();
  const [loadError, setLoadError] = useState<string>();
  const [answers, setAnswers] = useState<Answers>({});
  const [komentar, setKomentar] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'retrying' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const refs = useRef<Array<HTMLFieldSetElement | null>>([]);
  const send = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    getSurveyForm(opd).then(setForm, (e) => setLoadError(messageOf(e)));
  }, [opd]);

  useEffect(() => {
    if (form) document.title = `Survei Kepuasan Masyarakat · ${form.opd.nama}`;
  }, [form]);

  if (loadError) return <Shell><p class="error" role="alert">{loadError}</p></Shell>;
  if (!form) return <Shell><p class="card muted" role="status">Memuat…</p></Shell>;

  if (state.kind === 'done') {
    return (
      <Shell regency={form.regency}>
        <section class="card skm-thanks" role="status" data-testid="skm-terima-kasih">
          <Face value={4} />
          <h2>Terima kasih</h2>
          <p>{state.text}</p>
          <p class="muted">{form.opd.nama}</p>
        </section>
      </Shell>
    );
  }

  const answered = form.unsur.filter((u) => answers[u.id] !== undefined).length;
  const complete = answered === form.unsur.length;

  const choose = (i: number, id: SurveyElementId, value: SurveyAnswerValue) => {
    setAnswers((a) => ({ ...a, [id]: value }));
    // The next unanswered question comes into view, so nine taps are all it takes.
    const next = refs.current.find((el, j) => j > i && el && answers[form.unsur[j]!.id] === undefined);
    (next ?? send.current)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const submit = async () => {
    if (!complete) return;
    setState({ kind: 'sending' });
    try {
      const saved = await sendSurvey(
        opd,
        { perangkat: deviceId(), jawaban: answers as Record<SurveyElementId, SurveyAnswerValue>, ...(komentar.trim() ? { komentar: komentar.trim() } : {}) },
        () => setState({ kind: 'retrying' }),
      );
      setState({ kind: 'done', text: 'sudah' in saved ? saved.sudah : 'Jawaban Anda sudah tercatat. Penilaian Anda membantu kami memperbaiki pelayanan.' });
    } catch (e) {
      setState({ kind: 'error', text: messageOf(e) });
    }
  };

  return (
    <Shell regency={form.regency}>
      <section class="card skm-intro">
        <p class="skm-kicker">Survei Kepuasan Masyarakat</p>
        <h2 data-testid="skm-opd">{form.opd.nama}</h2>
        <p>Bagaimana pelayanan yang Anda terima hari ini? Pilih satu jawaban untuk tiap pertanyaan.</p>
        <p class="muted">Tanpa nama, tanpa nomor HP. Sekitar 1 menit.</p>
      </section>
      <form
        class="skm-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {form.unsur.map((u, i) => (
          <fieldset key={u.id} class="card skm-q" ref={(el) => {
              refs.current[i] = el;
            }} data-testid={`skm-unsur-${u.id}`}>
            <legend class="skm-legend">
              <span class="skm-num">{i + 1}</span> {u.label}
            </legend>
            <p class="skm-tanya">{u.tanya}</p>
            <div class="skm-opts">
              {form.skala.map((s) => (
                <label key={s.nilai} class="skm-opt">
                  <input type="radio" name={u.id} value={s.nilai} checked={answers[u.id] === s.nilai} onChange={() => choose(i, u.id, s.nilai)} />
                  <Face value={s.nilai} />
                  <span class="skm-label">{s.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <section class="card">
          <label class="skm-comment">
            <span>Saran atau masukan (boleh dikosongkan)</span>
            <textarea value={komentar} maxLength={form.maxKomentar} rows={3} onInput={(e) => setKomentar(e.currentTarget.value)} data-testid="skm-komentar" />
          </label>
          <p class="muted skm-count">
            {komentar.length}/{form.maxKomentar} karakter. Jangan tulis nama atau nomor HP.
          </p>
        </section>
        <div class="skm-send">
          <p class="muted" aria-live="polite">
            {complete ? 'Semua pertanyaan sudah dijawab.' : `${answered} dari ${form.unsur.length} pertanyaan dijawab.`}
          </p>
          {state.kind === 'error' && (
            <p class="error" role="alert">
              {state.text}
            </p>
          )}
          <button type="submit" class="btn-hadir" ref={send} disabled={!complete || state.kind === 'sending' || state.kind === 'retrying'} data-testid="skm-kirim">
            {state.kind === 'sending' ? 'Mengirim…' : state.kind === 'retrying' ? 'Mencoba lagi…' : 'Kirim jawaban'}
          </button>
        </div>
      </form>
    </Shell>
  );
}

function Shell({ regency, children }: { regency?: string; children: preact.ComponentChildren }) {
  return (
    <>
      <header class="app-header">
        <p class="app-name">Survei layanan publik</p>
        {regency && <h1 class="regency">{regency}</h1>}
      </header>
      <main class="page skm-page">{children}</main>
    </>
  );
}
