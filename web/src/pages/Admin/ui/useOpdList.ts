import { listOpd } from '../api/opd';
import { useLoad } from './useLoad';

/** The regency's OPDs, for pickers and names; `reload` after adding or renaming one. */
export function useOpdList(token: string) {
  const { data, error, reload } = useLoad(() => listOpd(token), 'opd');
  const opds = data ?? [];
  const nama = (kode: string) => opds.find((o) => o.kode === kode)?.nama ?? kode;
  return { opds, error, reload, nama };
}
