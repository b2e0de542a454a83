import type { MyExcuse, SesiView } from '../../../../contract';
import { KIND } from './Excuses';
import { hourMinute, shortDate } from '../../lib/time';
import { byDate } from './sesi';
import { StatusBadge } from './StatusBadge';

interface Props {
  week: readonly SesiView[];
  izin: readonly MyExcuse[];
  today: string;
  timeZone: string;
  zoneLabel: string;
}

/** This week's apel, day by day, with this ASN's status in each. */
export function WeekList({ week, izin, today, timeZone, zoneLabel }: Props) {
  return (
    <section class="card week" aria-labelledby="week-title" data-testid="week">
      <h2 id="week-title">Minggu ini</h2>
      {week.length === 0 ? (
        <p class="muted">Tidak ada apel minggu ini.</p>
      ) : (
        <ul class="week-days">
          {byDate(week).map(([date, sesi]) => (
            <li key={date} class={date === today ? 'week-day is-today' : 'week-day'}>
              <p class="week-date">
                {shortDate(date)}
                {date === today && <span class="today-mark">Hari ini</span>}
              </p>
              <ul>
                {sesi.map((s) => (
                  <li key={s.id} class="week-row" data-testid={`week-${s.id}`}>
                    <span class="week-what">
                      {s.label}
                      {s.demo && <span class="tag tag-demo">Percobaan</span>}
                      {s.checkedInAt && (
                        <span class="muted">
                          {' '}
                          · {hourMinute(s.checkedInAt, timeZone)} {zoneLabel}
                        </span>
                      )}
                      {s.tidakPatuh && (
                        <span class="muted" data-testid="week-tidak-patuh">
                          {' '}
                          · seragam tidak sesuai
                        </span>
                      )}
                    </span>
                    <StatusBadge sesi={s} izin={s.status === 'tidak_hadir' || s.status === 'belum' ? izin.find((e) => e.dari <= date && date <= e.sampai) : undefined} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
