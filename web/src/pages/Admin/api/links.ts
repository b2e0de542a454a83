import type { Cakupan, TautanResult } from './types';
import { change } from './client';

export const tautan = (token: string, cakupan: Cakupan, aksi: 'terbitkan' | 'cabut') =>
  change<TautanResult>(token, 'POST', '/tautan', { cakupan, aksi });
