import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const wrapper = resolve(__dirname, '../../codeServer/withoutNpmScriptEnv.sh');

/** What an npm script run by another Node (here a made-up v18) exports to its children. */
const outerNpmScriptEnv: NodeJS.ProcessEnv = {
  npm_config_user_agent: 'npm/10.0.0 node/v18.20.0 linux x64 workspaces/false',
  npm_config_node_version: 'v18.20.0',
  npm_config_npm_version: '10.0.0',
  npm_config_local_prefix: '/outer/project',
  npm_config_prefix: '/outer/prefix',
  npm_package_name: 'outer-project',
  npm_lifecycle_event: 'demo',
  npm_execpath: '/outer/npm-cli.js',
  npm_node_execpath: '/outer/node',
  NODE: '/outer/node',
};

/** A package whose postinstall records what code-server's postinstall reads (the user agent) and its own name. */
function packFixture(dir: string): string {
  const packageDir = join(dir, 'package');
  mkdirSync(packageDir);
  const record = "require('fs').writeFileSync(process.env.RECORD_FILE, JSON.stringify({ userAgent: process.env.npm_config_user_agent, name: process.env.npm_package_name }))";
  const manifest = { name: 'postinstall-probe', version: '1.0.0', scripts: { postinstall: `node -e "${record}"` } };
  writeFileSync(join(packageDir, 'package.json'), JSON.stringify(manifest));
  const tarball = join(dir, 'probe.tgz');
  const tar = spawnSync('tar', ['czf', tarball, '-C', dir, 'package'], { encoding: 'utf8' });
  assert.equal(tar.status, 0, tar.stderr);
  return tarball;
}

/** Installs the fixture offline (as install.sh installs code-server) and returns what its postinstall saw. */
function installSeenBy(command: string[], dir: string, tarball: string): { userAgent: string; name: string } {
  const recordFile = join(dir, `record-${command.length}.json`);
  const prefix = join(dir, `prefix-${command.length}`);
  const args = [...command, 'npm', 'install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball];
  const env = { ...process.env, ...outerNpmScriptEnv, RECORD_FILE: recordFile };
  const result = spawnSync(args[0]!, args.slice(1), { env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${result.stderr}${result.stdout}`);
  return JSON.parse(readFileSync(recordFile, 'utf8')) as { userAgent: string; name: string };
}

describe('code-server install from inside an npm script (withoutNpmScriptEnv.sh)', function () {
  this.timeout(120_000);
  let dir: string;
  let tarball: string;
  const nodeOnPath = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim();

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-logs-npm-env-'));
    tarball = packFixture(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the simulated npm script environment reproduces the bug: a plain inner npm reports the outer Node', () => {
    const seen = installSeenBy(['env'], dir, tarball);
    assert.match(seen.userAgent, /node\/v18\.20\.0/);
  });

  it('the wrapped inner npm reports the Node it runs on, so the postinstall reads the right major', () => {
    const seen = installSeenBy(['bash', wrapper], dir, tarball);
    assert.match(seen.userAgent, new RegExp(`^npm/\\S+ node/${nodeOnPath.replace(/\./g, '\\.')} `));
    assert.equal(seen.name, 'postinstall-probe');
  });

  it('drops what describes the outer npm and keeps the user settings every npm shares', () => {
    const env = { ...process.env, ...outerNpmScriptEnv, npm_config_registry: 'https://registry.example.test/' };
    const result = spawnSync('bash', [wrapper, 'env'], { env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const names = result.stdout.split('\n').map((line) => line.slice(0, line.indexOf('=')));
    for (const name of Object.keys(outerNpmScriptEnv)) assert.ok(!names.includes(name), `${name} is removed`);
    assert.ok(result.stdout.includes('npm_config_registry=https://registry.example.test/\n'), 'the registry setting is kept');
  });
});
