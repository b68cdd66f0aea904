import { strict as assert } from 'node:assert';
import { rankCallSites } from '../../../src/code/callSiteRanking';
import { callSitePattern } from '../../../src/code/callSitePatterns';
import { matchText, scanFiles } from '../../../src/code/callSiteScanner';
import { parseTypedRequest, requestOfRow } from '../../../src/code/loggedRequest';
import { enabledGlobs, excludeGlob, gitignoreGlobs } from '../../../src/code/searchExcludes';

describe('Find Call Sites inputs and ranking', () => {
  it('reads the request of Daily and Lago rows and refuses other streams', () => {
    const daily = { id: '1', time: 1, severity: 'warning' as const, fields: { url: '/v1/rooms/x/presence', method: 'GET', status: 400 } };
    assert.deepEqual(requestOfRow('daily.api', daily, ['api.daily.co']), { path: '/v1/rooms/x/presence', method: 'GET', provider: 'daily', hosts: ['api.daily.co'] });
    const lago = { id: '2', time: 1, severity: 'info' as const, fields: { request_path: '/billable_metrics', http_method: 'POST' } };
    assert.equal(requestOfRow('lago.api', lago)?.method, 'POST');
    assert.equal(requestOfRow('signalwire.video', daily), undefined);
  });

  it('accepts a typed path, a method and path, or a URL', () => {
    assert.deepEqual(parseTypedRequest(' post /v1/rooms '), { path: '/v1/rooms', method: 'POST', hosts: undefined });
    assert.deepEqual(parseTypedRequest('https://api.daily.co/v1/rooms'), { path: 'https://api.daily.co/v1/rooms', method: undefined, hosts: ['api.daily.co'] });
    assert.equal(parseTypedRequest('/v1/123'), undefined);
    assert.equal(parseTypedRequest('two words here'), undefined);
  });

  it('ranks the same method nearby and the same host first', () => {
    const pattern = callSitePattern('/v1/rooms');
    const files: Record<string, string> = {
      'a.ts': "const rooms = await get('/rooms');",
      'b.ts': "// create\nconst room = await http.post('/rooms', body);",
      'c.py': "r = requests.post('https://api.daily.co/v1/rooms', json=body)",
    };
    const matches = Object.entries(files).flatMap(([file, text]) => matchText(file, text, pattern, { hosts: ['api.daily.co'] }));
    const ranked = rankCallSites(matches, { method: 'POST', hosts: ['api.daily.co'], loggedPath: '/v1/rooms' });
    assert.deepEqual(ranked.map((result) => result.file), ['c.py', 'b.ts', 'a.ts']);
    assert.deepEqual(ranked[0].reasons, ['POST nearby', 'same host', 'exact path']);
    assert.deepEqual(ranked[2].reasons, ['another method nearby']);
  });

  it('merges files.exclude, search.exclude and .gitignore into one glob', () => {
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/*.js': { when: '$(basename).ts' }, '**/off': false }), ['**/.git']);
    assert.deepEqual(gitignoreGlobs('# c\ndist/\n*.log\n/out\n!keep.log\nbuild/**\nnode_modules\n'), ['**/dist/**', '**/*.log', 'out/**', 'build/**', '**/node_modules/**']);
    assert.equal(excludeGlob(['**/a/**', '**/a/**', '**/b']), '{**/a/**,**/b}');
    assert.equal(excludeGlob(['{x,y}']), undefined);
  });

  it('scopes the lines of a nested .gitignore to its folder', () => {
    assert.deepEqual(gitignoreGlobs('generated/\n*.gen.js\n/local\nsnapshots/**\n', 'packages/api/'), [
      'packages/api/**/generated/**',
      'packages/api/**/*.gen.js',
      'packages/api/local/**',
      'packages/api/snapshots/**',
    ]);
  });

  it('stops reading files once cancelled and keeps what it found', async () => {
    const pattern = callSitePattern('/v1/rooms/standup/presence');
    const read: string[] = [];
    let cancelled = false;
    const files = Array.from({ length: 40 }, (_, i) => ({
      path: `f${i}.ts`,
      read: () => {
        read.push(`f${i}.ts`);
        if (i === 5) cancelled = true;
        return Promise.resolve(new TextEncoder().encode("fetch(`/rooms/${room}/presence`)"));
      },
    }));
    const matches = await scanFiles(files, pattern, { parallel: 2, isCancelled: () => cancelled });
    assert.ok(read.length <= 8, `read ${read.length} files after the cancel at the 6th`);
    assert.deepEqual(matches.map((match) => match.file), read);
  });
});
