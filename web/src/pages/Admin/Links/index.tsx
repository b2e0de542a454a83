import { useState } from 'preact/hooks';
import type { LinkCard, LinksResult } from '../../../../../contract';
import type { AdminContext } from '../context';
import { param } from '../../../lib/route';
import { DoneNote, ErrorNote } from '../ui/Messages';
import { useOpdList } from '../ui/useOpdList';
import { IssuedLinks } from './IssuedLinks';
import { IssueForm } from './IssueForm';
import { angka } from '../../../lib/number';

interface Issued {
  links: LinkCard[];
  namaBerkas: string;
}

/** Personal links: issue, reissue and revoke; then hand them out (CSV, printed QR cards, WhatsApp). */
export function LinksPage({ ctx }: { ctx: AdminContext }) {
  const { opds, error } = useOpdList(ctx.token);
  const [issued, setIssued] = useState<Issued>();
  const [notice, setNotice] = useState<string>();

  function onResult(r: LinksResult, label: string) {
    if (r.aksi === 'cabut') {
      setNotice(`${angka(r.jumlah)} tautan dicabut (${label}).`);
      return;
    }
    setNotice(r.jumlah === 0 ? `Tidak ada ASN aktif untuk ${label}.` : undefined);
    if (r.jumlah > 0) setIssued({ links: r.tautan, namaBerkas: r.namaBerkas });
    // The admin's own link was replaced: keep the console working with the new one.
    const mine = r.tautan.find((l) => l.nip === ctx.nip);
    if (mine) ctx.adoptLink(mine.tautan);
  }

  return (
    <>
      <h2 class="adm-title adm-noprint">Tautan pribadi</h2>
      <div class="adm-noprint">
        <ErrorNote error={error} />
        <IssueForm key={param('nip')} ctx={ctx} opds={opds} nip={param('nip')} onResult={onResult} />
        <DoneNote text={notice} />
      </div>
      {issued && <IssuedLinks links={issued.links} namaBerkas={issued.namaBerkas} onClose={() => setIssued(undefined)} />}
    </>
  );
}
