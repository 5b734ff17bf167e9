// Bounded text collection: a report may carry a 5 MB failure message or megabytes of captured
// output. We keep the head (where the assertion is) and say how much was dropped, so memory
// stays bounded and nothing silently disappears.

export const MAX_MESSAGE_CHARS = 64 * 1024;
export const MAX_BODY_CHARS = 256 * 1024;

/** Room kept inside every limit for the "… [N more characters not stored]" note. */
const NOTE_ROOM = 64;

function note(dropped: number): string {
  return `\n… [${dropped} more characters not stored]`;
}

export class BoundedText {
  private parts: string[] = [];
  private kept = 0;
  private dropped = 0;

  private readonly limit: number;

  constructor(limit: number = MAX_BODY_CHARS) {
    this.limit = limit - NOTE_ROOM;
  }

  append(text: string): void {
    const room = this.limit - this.kept;
    if (room <= 0) {
      this.dropped += text.length;
      return;
    }
    if (text.length <= room) {
      this.parts.push(text);
      this.kept += text.length;
      return;
    }
    this.parts.push(text.slice(0, room));
    this.kept += room;
    this.dropped += text.length - room;
  }

  get empty(): boolean {
    return this.kept === 0;
  }

  toString(): string {
    const body = this.parts.join('');
    return this.dropped > 0 ? `${body}${note(this.dropped)}` : body;
  }
}

/** Cut one string to at most `limit` characters, saying how much was dropped. */
export function capText(text: string | undefined, limit: number): string | undefined {
  if (text === undefined || text.length <= limit) return text;
  const kept = limit - NOTE_ROOM;
  return `${text.slice(0, kept)}${note(text.length - kept)}`;
}
