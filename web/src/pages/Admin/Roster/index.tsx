import { useState } from 'preact/hooks';
import type { AdminContext } from '../context';
import { ErrorNote } from '../ui/Messages';
import { useOpdList } from '../ui/useOpdList';
import { AsnList } from './AsnList';
import { ImportPanel } from './ImportPanel';

/** The roster: import HR's CSV, and look up or change ASN one by one. */
export function RosterPage({ ctx }: { ctx: AdminContext }) {
  const { opds, error, reload, nama } = useOpdList(ctx.token);
  // Bumped after an import so the list below shows the new data.
  const [version, setVersion] = useState(0);
  return (
    <>
      <h2 class="adm-title">Daftar pegawai</h2>
      <ErrorNote error={error} onRetry={() => void reload()} />
      <ImportPanel ctx={ctx} opds={opds} opdNama={nama} onImported={() => setVersion((v) => v + 1)} />
      <AsnList ctx={ctx} opds={opds} version={version} />
    </>
  );
}
