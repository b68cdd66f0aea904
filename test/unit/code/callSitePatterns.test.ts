import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import type { PathSegment } from '../../../src/code/callSitePatterns';
import { callSitePattern, classifySegments, splitPath } from '../../../src/code/callSitePatterns';
import { matchText } from '../../../src/code/callSiteScanner';

/** Every way the fixture code and the property below write a templated path; `v` is a variable's name. */
const forms = ['literal', 'template', 'concat', 'printf', 'fstring', 'format', 'express', 'fullUrl', 'noSlash'] as const;
type Form = (typeof forms)[number];

function render(segments: readonly PathSegment[], form: Form, host = 'api.daily.co'): string {
  const parts = segments.map((segment, i) => {
    if (!segment.variable || form === 'literal' || form === 'fullUrl') return segment.text;
    const name = `v${i}`;
    switch (form) {
      case 'template':
        return `\${${name}}`;
      case 'concat':
        return i === segments.length - 1 ? `' + ${name}` : `' + ${name} + '`;
      case 'printf':
      case 'noSlash':
        return '%s';
      case 'fstring':
        return `{${name}}`;
      case 'format':
        return '{}';
      case 'express':
        return `:${name}`;
    }
  });
  const path = parts.join('/');
  switch (form) {
    case 'template':
      return `const url = \`\${BASE}/${path}\`;`;
    case 'concat':
      return `const url = BASE + '/${path}${segments.at(-1)?.variable ? '' : "'"};`;
    case 'printf':
      return `url = "/${path}" % (a, b)`;
    case 'fstring':
      return `url = f"{BASE}/${path}"`;
    case 'format':
      return `url = "/${path}".format(a)`;
    case 'express':
      return `router.get('/${path}', handler)`;
    case 'fullUrl':
      return `fetch("https://${host}/v1/${path}")`;
    case 'noSlash':
      return `client.get("${path}", room)`;
    case 'literal':
      return `call('/v1/${path}')`;
  }
}

const word = fc.stringMatching(/^[a-z][a-z_-]{1,10}[a-z]$/);
const idValue = fc.oneof(fc.uuid(), fc.integer({ min: 1, max: 1e9 }).map(String), fc.stringMatching(/^[a-z]{2,6}-\d{1,4}$/));
const segmentText = fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: idValue });
const loggedPath = fc
  .array(segmentText, { minLength: 1, maxLength: 5 })
  .filter((parts) => classifySegments(parts).some((segment) => !segment.variable))
  .map((parts) => `/v1/${parts.join('/')}`);

describe('call-site patterns', function () {
  this.timeout(30_000);
  it('drops host, query and version prefixes', () => {
    assert.deepEqual(splitPath('/v1/rooms/standup/presence'), ['rooms', 'standup', 'presence']);
    assert.deepEqual(splitPath('https://api.getlago.com/api/v1/customers/acme?x=1'), ['customers', 'acme']);
    assert.deepEqual(splitPath('/billable_metrics'), ['billable_metrics']);
    assert.deepEqual(splitPath('/v1'), ['v1']);
  });

  it('makes ids and names after a collection wildcards, keeps endpoint words', () => {
    const variables = (path: string) => callSitePattern(path).segments.map((s) => (s.variable ? '*' : s.text)).join('/');
    assert.equal(variables('/v1/rooms/standup/presence'), 'rooms/*/presence');
    assert.equal(variables('/v1/meeting-tokens'), 'meeting-tokens');
    assert.equal(variables('/events/batch'), 'events/batch');
    assert.equal(variables('/invoices/7d0f3a1e-6b0e-4c53-9f0d-2f6a8c1b9e11/refresh'), 'invoices/*/refresh');
    assert.equal(variables('/subscriptions/sub_acme'), 'subscriptions/*');
    assert.throws(() => callSitePattern('/v1/12345'), /no fixed path segment/);
  });

  it('finds the issue examples and rejects look-alikes', () => {
    const presence = callSitePattern('/v1/rooms/standup/presence');
    const found = (line: string) => presence.lineRegex.test(line);
    assert.ok(found(`const r = await fetch('/rooms/' + name + '/presence');`));
    assert.ok(found('const r = await fetch(`/rooms/${room}/presence`);'));
    assert.ok(found('path = "rooms/%s/presence" % room'));
    assert.ok(found('get("https://api.daily.co/v1/rooms/standup/presence")'));
    assert.ok(!found(`fetch('/chatrooms/' + name + '/presence')`));
    assert.ok(!found(`fetch('/rooms/' + name + '/presences')`));
    assert.ok(!found(`fetch('/rooms/' + name)`));
    const lago = callSitePattern('/billable_metrics');
    assert.ok(lago.lineRegex.test(`requests.post(f"{LAGO}/api/v1/billable_metrics", json=body)`));
    assert.ok(!lago.lineRegex.test(`requests.post(f"{LAGO}/api/v1/billable_metrics_archive", json=body)`));
  });

  it('finds a logged path rendered into any templated form', () => {
    fc.assert(
      fc.property(loggedPath, fc.constantFrom(...forms), (logged, form) => {
        const pattern = callSitePattern(logged);
        const line = render(pattern.segments, form);
        assert.equal(matchText('x.ts', `// before\n${line}\n// after`, pattern).length, 1, `${form}: ${line}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not find a path whose fixed segment differs', () => {
    fc.assert(
      fc.property(loggedPath, fc.constantFrom(...forms), word, fc.nat(), (logged, form, other, at) => {
        const pattern = callSitePattern(logged);
        const fixedIndexes = pattern.segments.flatMap((segment, i) => (segment.variable ? [] : [i]));
        const changed = fixedIndexes[at % fixedIndexes.length];
        fc.pre(other !== pattern.segments[changed].text && !pattern.segments.some((s) => s.text === other));
        const unrelated = pattern.segments.map((segment, i) => (i === changed ? { text: other, variable: false } : segment));
        const line = render(unrelated, form);
        assert.equal(matchText('x.ts', line, pattern).length, 0, `${form}: ${line}`);
      }),
      { numRuns: 1000 },
    );
  });
});
