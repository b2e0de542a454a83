import type { Me } from '../../../../contract';
import { formatNip } from '../../lib/nip';

export function AdminHeader({ me }: { me: Me | undefined }) {
  return (
    <header class="adm-header">
      <div class="adm-header-in">
        <div>
          <p class="app-name">Apel WFA · Konsol Admin</p>
          {me && <h1 class="regency">{me.regency}</h1>}
        </div>
        {me && (
          <p class="adm-who" data-testid="admin-who">
            <span class="adm-who-name">{me.asn.nama}</span>
            <span class="adm-who-nip">{formatNip(me.asn.nip)}</span>
            <a href="/evaluasi" class="adm-who-link" data-testid="link-evaluasi">
              Evaluasi WFA
            </a>
            <a href="/" class="adm-who-link">
              Halaman apel saya
            </a>
          </p>
        )}
      </div>
    </header>
  );
}
