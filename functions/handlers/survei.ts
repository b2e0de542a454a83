import * as z from 'zod/mini';
import type { Principal } from '../core/access';
import { MAX_COMMENT_CHARS, SURVEY_ELEMENT_IDS } from '../core/survey';
import { apiFunction } from '../http/api-handler';
import { dispatch } from '../http/dispatch';
import { pathParam } from '../http/params';
import { requireFunctionTables } from '../manifest';
import { answerSurvey, surveyForm } from '../usecases/survey/answer';
import { config } from './runtime-config';
import { freeText } from './text-schema';

/**
 * /api/survei/{opd} — the Survei Kepuasan Masyarakat's public page (access `publik`: no
 * personal link). This function may read the OPD list and write the Survey table, nothing
 * else (functions/manifest.ts).
 */

requireFunctionTables('survei');

const answer = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'harus angka 1, 2, 3 atau 4' });

export const surveyBody = z.strictObject(
  {
    perangkat: z.string({ error: 'harus teks' }).check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'harus kode perangkat dari halaman survei')),
    jawaban: z.strictObject(
      Object.fromEntries(SURVEY_ELEMENT_IDS.map((id) => [id, answer])) as Record<(typeof SURVEY_ELEMENT_IDS)[number], typeof answer>,
      { error: 'harus berisi jawaban 1–4 untuk kesembilan unsur' },
    ),
    komentar: z.optional(freeText('note', MAX_COMMENT_CHARS)),
  },
  { error: 'harus objek JSON' },
);

const route = apiFunction<Principal>('survei', { caller: async () => undefined });

export const routes = [
  route('GET /api/survei/{opd}', {}, async ({ event, reply }) => reply(200, await surveyForm(pathParam(event, 'opd'), config))),
  route('POST /api/survei/{opd}', { body: surveyBody, maxBodyBytes: 4 * 1024 }, async ({ event, body, now, reply }) =>
    reply(201, await answerSurvey(pathParam(event, 'opd'), body, now, config)),
  ),
];

export const handler = dispatch('survei', routes);
