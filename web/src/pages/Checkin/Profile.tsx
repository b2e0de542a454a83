import type { Me } from '../../../../contract';
import { formatNip } from '../../lib/nip';

export function Profile({ asn, opd }: Pick<Me, 'asn' | 'opd'>) {
  return (
    <section class="card profile" aria-label="Data Anda" data-testid="profile">
      <p class="profile-name">{asn.nama}</p>
      <p class="profile-nip">
        NIP <span class="nowrap">{formatNip(asn.nip)}</span>
      </p>
      <p>{asn.jabatan}</p>
      <p class="profile-opd">{opd.nama}</p>
    </section>
  );
}
