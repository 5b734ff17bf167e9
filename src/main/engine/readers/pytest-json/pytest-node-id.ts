// A pytest node id "tests/test_x.py::TestClass::test_y[param]" → file, suite and name. The
// suite keeps pytest's own "::" separator so file::suite::name rebuilds the node id.

export interface NodeParts {
  file?: string;
  suite: string;
  name: string;
}

export function splitNodeId(nodeid: string): NodeParts {
  // "::" inside a parameter id ("test_y[a::b]") is not a separator: split only before the '['.
  const bracket = nodeid.indexOf('[');
  const head = bracket >= 0 ? nodeid.slice(0, bracket) : nodeid;
  const params = bracket >= 0 ? nodeid.slice(bracket) : '';
  const parts = head.split('::');
  if (parts.length === 1) return { suite: '', name: nodeid };
  const name = `${parts[parts.length - 1] ?? ''}${params}`;
  return { file: parts[0], suite: parts.slice(1, -1).join('::'), name };
}
