import { strict as assert } from 'node:assert';
import { presentStatus } from '../../../src/connections/connectionStatus';

describe('connection status presentation', () => {
  it('shows Connected, Not tested and Testing… in the description', () => {
    assert.equal(presentStatus({ state: 'connected', at: 0 }).description, 'Connected');
    assert.equal(presentStatus({ state: 'untested' }).description, 'Not tested');
    assert.equal(presentStatus({ state: 'testing' }).description, 'Testing…');
  });

  it('turns an auth failure into an update-token prompt and keeps the exact reason in the tooltip', () => {
    const shown = presentStatus({ state: 'failed', kind: 'auth', message: 'Daily rejected the API key (401).', at: 0 });
    assert.equal(shown.description, 'Token rejected — click to update');
    assert.equal(shown.needsToken, true);
    assert.match(shown.tooltip, /Daily rejected the API key \(401\)\./);
  });

  it('shows other failures verbatim without offering a token update', () => {
    const shown = presentStatus({ state: 'failed', kind: 'network', message: 'Could not reach 127.0.0.1:9.', at: 0 });
    assert.equal(shown.description, 'Could not reach 127.0.0.1:9.');
    assert.equal(shown.needsToken, false);
  });
});
