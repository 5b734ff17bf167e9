/** The per-launch API token `vigil serve` puts into the index page it serves. */
export function readToken(doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>('meta[name="vigil-token"]')?.content || null;
}
