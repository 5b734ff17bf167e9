// Test access to how the coverage hint relates a test to a source file.
import { fileKeys, moduleStem, related, testKeys, type NamedTest } from '../../src/main/engine/coverage/module-key.js';

export { moduleStem };

export function relatedNames(path: string, test: NamedTest): boolean {
  return related(fileKeys(path), testKeys(test));
}
