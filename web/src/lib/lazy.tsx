import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** The props every page of the `main.tsx` switch takes. */
export interface PageProps {
  token: string | undefined;
}

/**
 * A page whose code is downloaded only when its path is opened, so that an ASN's phone never
 * downloads the pimpinan or admin pages. `load` is a dynamic import written as
 * `import('./pages/X' + '')`: Rolldown still bundles `./pages/X` as its own chunk, but Vite
 * does not wrap the call in its module-preload helper (≈0.6 kB gzip in the entry, which the
 * ASN would download for nothing). Without that helper Vite does not load the chunk's CSS
 * either, so the page's module loads its own stylesheet (`lib/stylesheet.ts`) before resolving.
 */
export function Lazy({ load, token }: { load: () => Promise<ComponentType<PageProps>>; token: string | undefined }) {
  const [Page, setPage] = useState<{ C: ComponentType<PageProps> }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then(
      (C) => setPage({ C }),
      () => setFailed(true),
    );
  }, []);
  if (Page) return <Page.C token={token} />;
  return (
    <main class="page">
      <p class={failed ? 'card error' : 'card muted'} role={failed ? 'alert' : 'status'}>
        {failed ? 'Halaman gagal dimuat. Periksa jaringan, lalu muat ulang halaman.' : 'Memuat…'}
      </p>
    </main>
  );
}

