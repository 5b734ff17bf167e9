// Escaping for the generated JUnit XML. Attribute values also escape newlines and tabs because
// an XML parser normalises raw ones in attributes to spaces, and real reporters (pytest, Surefire)
// write multi-line failure messages as &#10; so the message survives the round trip.

const TEXT = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR = { ...TEXT, '"': '&quot;', '\n': '&#10;', '\t': '&#9;', '\r': '&#13;' };

export function escapeText(value) {
  return value.replace(/[&<>]/g, (ch) => TEXT[ch]);
}

export function escapeAttr(value) {
  return value.replace(/[&<>"\n\t\r]/g, (ch) => ATTR[ch]);
}
