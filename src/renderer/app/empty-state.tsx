export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">No test runs yet</h1>
      <p>Vigil shows the test runs stored in its history. To add some, point it at the reports your test runner writes:</p>
      <pre className="command">vigil ingest PATH</pre>
      <p>
        PATH is a report file (JUnit XML, <code>go test -json</code>, Vitest or Jest JSON, TAP, TRX, …) or a folder holding
        them. Then press <strong>Refresh</strong>.
      </p>
      <p className="muted">
        Soon <code>vigil watch DIR</code> will keep a folder under watch and show each run the moment its report lands.
      </p>
    </section>
  );
}
