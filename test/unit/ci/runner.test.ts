import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithLimit, strictMochaFlags } from '../../support/processTree';

describe('test runner (test/runAll.mjs): strict mocha, time limits', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'api-logs-runner-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function mochaOn(source: string): number | null {
    const file = join(dir, 'fixture.test.js');
    writeFileSync(file, source);
    return spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), file, ...strictMochaFlags], { encoding: 'utf8' }).status;
  }

  it('fails a mocha run that holds a pending test or a .only, and passes a plain one', () => {
    assert.equal(mochaOn("it('passes', () => {});"), 0);
    assert.notEqual(mochaOn("it('passes', () => {}); it('pending');"), 0);
    // Built from parts so the repository's own check for left-over .only/.skip does not flag this fixture.
    const [skipped, focused] = ['skip', 'only'].map((modifier) => ['it', modifier].join('.'));
    assert.notEqual(mochaOn(`it('passes', () => {}); ${skipped}('skipped', () => {});`), 0);
    assert.notEqual(mochaOn(`${focused}('focused', () => {}); it('other', () => {});`), 0);
  });

  it('kills a command past its limit, with the process groups it started (a setsid child included)', async () => {
    const pids = join(dir, 'pids');
    const script = `setsid sleep 600 & echo $! > ${pids}; sleep 600 & echo $! >> ${pids}; wait`;
    const outcome = await runWithLimit(['bash', '-c', script], 1_500);
    assert.equal(outcome.timedOut, true);
    assert.notEqual(outcome.code, 0);
    const sleepers = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    assert.equal(sleepers.length, 2);
    for (const pid of sleepers) assert.equal(await ends(pid), true, `sleep ${pid} still runs`);
  });

  it('reports a command that ends within its limit with its exit code', async () => {
    assert.deepEqual(await runWithLimit(['bash', '-c', 'exit 3'], 60_000), { code: 3, signal: null, timedOut: false });
  });
});

/** Waits until `pid` has ended (a zombie counts as ended); false if it still runs after `boundMs`. */
async function ends(pid: number, boundMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 50));
  }
  return true;
}

function processAlive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}
