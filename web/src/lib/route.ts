/**
 * The one mapping from the address to what is shown: `/<page>/<tab>?<query>`. `main.tsx`
 * picks the page by the first segment (`/pimpinan`, `/admin`, else the check-in page), the
 * admin console its tab by the second (`/admin/roster`), and the heads' page keeps its OPD
 * and tab in the query (`/pimpinan?opd=setda&tab=izin`), so a reload, a bookmark and Back
 * land where they were. Changing the address without a reload: `lib/navigate.ts`, which
 * only the lazily loaded pages import (an ASN's phone never downloads it).
 */

/** Segment `i` of the path: `/admin/roster` → 0 `admin`, 1 `roster`. */
export function segment(i: number, pathname = location.pathname): string | undefined {
  return pathname.split('/').filter(Boolean)[i];
}

/** A query parameter of the current address (e.g. `?nip=` when the Roster opens the links tab). */
export function param(name: string): string | undefined {
  return new URLSearchParams(location.search).get(name) ?? undefined;
}

/** The option `value` names, else the first one (an unknown tab opens the first). */
export function oneOf<T extends string>(options: readonly T[], value: string | null | undefined): T {
  return options.find((o) => o === value) ?? options[0]!;
}
