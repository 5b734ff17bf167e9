import { describe, expect, it } from 'vitest';
import { withTokenMeta } from '../../../src/main/serve/index-html.js';

describe('withTokenMeta', () => {
  it('puts the token at the end of <head>, after <meta charset>', () => {
    const html = withTokenMeta('<html><head lang="en"><meta charset="UTF-8"><title>t</title></HEAD></html>', 'abc_-1');
    expect(html).toMatch(/<title>t<\/title>\s*<meta name="vigil-token" content="abc_-1">\s*<\/HEAD>/);
  });

  it('refuses a page without </head>', () => {
    expect(() => withTokenMeta('<html></html>', 't')).toThrow(/no <\/head>/);
  });
});
