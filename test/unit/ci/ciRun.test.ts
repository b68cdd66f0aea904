import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const ciRun = readFileSync(resolve(root, '.ci/run'), 'utf8');

/** The commands of the README's first fenced block, comments stripped (what a newcomer types). */
function readmeCommands(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.split('\n').map((line) => line.replace(/\s*#.*$/, '').trim()).filter(Boolean);
}

/** The lines of .ci/run that run npm, without a trailing `|| exit`. */
function ciNpmLines(): string[] {
  return ciRun.split('\n').filter((line) => /^npm\b/.test(line)).map((line) => line.replace(/\s*\|\|\s*exit$/, ''));
}

describe('.ci/run does what the README tells a newcomer', () => {
  it('runs the README\'s commands verbatim, in order, and no other npm command', () => {
    assert.deepEqual(readmeCommands(), ['npm install && npm run demo', 'npm test']);
    assert.deepEqual(ciNpmLines(), readmeCommands());
  });

  it('installs exactly the packages of the README\'s apt-get line, chromium and the code-server build tools included', () => {
    const line = /`sudo apt-get install -y ([^`]+)`/.exec(readme);
    assert.ok(line, 'the README has a `sudo apt-get install -y …` line');
    const documented = line[1]!.split(/\s+/);
    for (const needed of ['libkrb5-dev', 'build-essential', 'python3', 'pkg-config', 'chromium']) assert.ok(documented.includes(needed), needed);
    const definition = ciRun.split('\n').find((text) => text.startsWith('readme_packages()'));
    assert.ok(definition, '.ci/run defines readme_packages()');
    const parsed = spawnSync('bash', ['-c', `${definition}\nreadme_packages`], { cwd: root, encoding: 'utf8' });
    assert.equal(parsed.status, 0, parsed.stderr);
    assert.deepEqual(parsed.stdout.trim().split(/\s+/), documented);
  });

  it('makes the demo check itself and exit', () => {
    const exported = ciRun.indexOf('export API_LOGS_DEMO_CHECK=1');
    assert.ok(exported >= 0 && exported < ciRun.indexOf('npm run demo'), 'API_LOGS_DEMO_CHECK=1 is exported before the demo');
  });
});
