// A bounded memo of a pure function of one text. The failures of a run repeat their messages
// (6,000 failures of the benchmark report carry 54 distinct messages), so work that depends on
// the message alone is done once per distinct message. Cleared whole when full: cheap, and the
// next run refills what it uses.

export function memoByText<T>(compute: (text: string) => T, limit: number): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string): T => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
