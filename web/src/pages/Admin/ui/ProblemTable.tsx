/** The rows of an uploaded CSV that were refused: line number and reason, as the server reported them. */
export function ProblemTable({ problems, testId }: { problems: ReadonlyArray<{ line: number; reason: string }>; testId?: string }) {
  return (
    <table class="adm-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col" class="adm-num adm-col-line">
            Baris
          </th>
          <th scope="col">Masalah</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr key={`${p.line}-${p.reason}`}>
            <td class="adm-num">{p.line}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
