export function AppHeader({ regency }: { regency?: string | undefined }) {
  return (
    <header class="app-header">
      <p class="app-name">Apel WFA</p>
      {regency && <h1 class="regency">{regency}</h1>}
    </header>
  );
}
