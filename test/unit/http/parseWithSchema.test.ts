import { strict as assert } from 'node:assert';
import * as z from 'zod';
import { formatFieldPath, parseWithSchema } from '../../../src/http/parseWithSchema';
import { ProviderError } from '../../../src/http/providerError';

describe('parseWithSchema', () => {
  const schema = z.object({ data: z.array(z.object({ id: z.string(), status: z.number() })) });

  it('returns the parsed value', () => {
    assert.deepEqual(parseWithSchema(schema, { data: [{ id: 'a', status: 200 }] }, 'Test'), { data: [{ id: 'a', status: 200 }] });
  });

  it('names the failing field path and never echoes the value', () => {
    const secretish = 'very-private-response-body-value';
    try {
      parseWithSchema(schema, { data: [{ id: 'a', status: 1 }, { id: 'b', status: secretish }] }, 'Test logs');
      assert.fail('expected a throw');
    } catch (error) {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.kind, 'badResponse');
      assert.equal(error.details.fieldPath, 'data[1].status');
      assert.match(error.message, /Test logs has an unexpected shape at data\[1\]\.status \(expected number\)/);
      assert.ok(!error.message.includes(secretish));
    }
  });

  it('formats paths', () => {
    assert.equal(formatFieldPath([]), '(root)');
    assert.equal(formatFieldPath([0, 'a', 2]), '[0].a[2]');
  });
});
