// A group's title: the members' own title when they agree, else the normalised message with
// its placeholders shown as "…" (the part that differs between members).

export function groupTitle(titles: readonly string[], messageKey: string): string {
  const distinct = new Set(titles);
  const [first] = distinct;
  if (distinct.size === 1 && first) return first;
  const readable = messageKey.replace(/<(?:n|v|uuid|addr|hex|tmp|time|email|port)>/g, '…').replace(/^[\w.]*(?:Error|Exception): /, '');
  return readable.length > 120 ? `${readable.slice(0, 117)}...` : readable;
}
