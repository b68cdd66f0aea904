import { strict as assert } from 'node:assert';
import { FaultSwitch } from '../../../src/sample/faults';

describe('FaultSwitch', () => {
  it('every: only the Nth, 2Nth, … matching request gets the fault, and count budgets those', () => {
    const faults = new FaultSwitch();
    faults.set('rateLimited', { every: 3, pathIncludes: '/logs', count: 2 });
    const hits = ['/logs', '/logs', '/other', '/logs', '/logs', '/logs', '/logs', '/logs', '/logs', '/logs'].map((url) => faults.take(url)?.fault);
    assert.deepEqual(hits, [undefined, undefined, undefined, 'rateLimited', undefined, undefined, 'rateLimited', undefined, undefined, undefined]);
  });

  it('set starts counting again', () => {
    const faults = new FaultSwitch();
    faults.set('serverError', { every: 2 });
    faults.take('/a');
    faults.set('serverError', { every: 2 });
    assert.equal(faults.take('/a'), undefined);
    assert.equal(faults.take('/a')?.fault, 'serverError');
  });
});
