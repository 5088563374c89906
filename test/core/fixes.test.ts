import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, currentFinding, preferredFixEdits, suppressionEdit } from '../../server/src/core';
import { check, EXAMPLES, REPO, repoFile } from '../helpers';

const FIXTURES = readdirSync(join(REPO, 'test', 'fixtures')).map((name) => `test/fixtures/${name}`);

/** Applies every preferred fix, round after round, until nothing changes; returns the rounds and the text. */
function fixAll(text: string): { rounds: number; text: string } {
  for (let round = 1; round <= 5; round++) {
    const next = applyEdits(text, preferredFixEdits(check(text).diagnostics));
    if (next === text) return { rounds: round, text };
    text = next;
  }
  return { rounds: 6, text };
}

describe('fix convergence', () => {
  for (const file of [...EXAMPLES, ...FIXTURES]) {
    it(`${file} reaches a fixed point within 5 rounds`, () => {
      const result = fixAll(repoFile(file));
      assert.ok(result.rounds <= 5, `still changing after 5 rounds:\n${result.text}`);
      const left = check(result.text).diagnostics;
      assert.deepEqual(left.filter((d) => d.code === 'LT001'), [], result.text);
      assert.deepEqual(left.filter((d) => d.fixes.some((f) => f.preferred)).map((d) => d.code), [], result.text);
    });
  }

  it('fixes the example with mistakes down to what needs a person', () => {
    const result = fixAll(repoFile('test/fixtures/mistakes.lync.jsonc'));
    const left = check(result.text).diagnostics.map((d) => d.code);
    assert.ok(left.every((code) => ['LT103', 'LT106', 'LT306'].includes(code)), left.join(' '));
  });
});

/** The edit of the first fix titled `title` of the finding `code`, applied. */
function applyFixTitled(text: string, code: string, title: string): string {
  const fix = check(text).diagnostics.find((d) => d.code === code)!.fixes.find((f) => f.title === title)!;
  return applyEdits(text, fix.edits);
}

const EDGE = ['{', '  "AccessEdgeConfiguration": {', '    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,', '    "Force": true,', '    "AllowFederatedUsers": true', '  }', '}'].join('\n');

describe('matching a client diagnostic to a current finding (issue 12.1)', () => {
  it('finds the finding at the moved span, and nothing once the text has changed under it', () => {
    const force = check(EDGE).diagnostics.find((d) => d.code === 'LT005')!;
    const prefix = '// edge settings\n';
    const moved = { start: force.span.start + prefix.length, end: force.span.end + prefix.length };
    const edited = prefix + EDGE;
    const current = currentFinding(check(edited).diagnostics, 'LT005', moved, force.message)!;
    assert.equal(applyEdits(edited, current.fixes[0].edits), prefix + EDGE.replace('    "Force": true,\n', ''));
    assert.equal(currentFinding(check(edited).diagnostics, 'LT005', force.span, force.message), undefined);
    assert.equal(currentFinding(check(applyEdits(edited, current.fixes[0].edits)).diagnostics, 'LT005', moved, force.message), undefined);
  });
});

describe('removals (issue 12.2)', () => {
  it('keep a suppression comment on the next line, and the finding it silences silenced', () => {
    const text = EDGE.replace('    "AllowFederatedUsers": true', '    // lync-topology-disable-next-line LT101 -- kept as a string on purpose\n    "AllowFederatedUsers": "True"');
    const fixed = applyFixTitled(text, 'LT005', "Remove 'Force'");
    assert.equal(fixed, text.replace('    "Force": true,\n', ''));
    assert.deepEqual(check(fixed).diagnostics, []);
  });

  it('of the last key keep the comment at the end of the line before, taking the comma before it', () => {
    const text = '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, // as the procedure says\n    "Force": true // added by hand\n  }\n}';
    assert.equal(applyFixTitled(text, 'LT005', "Remove 'Force'"), '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false // as the procedure says\n  }\n}');
  });

  it('leave a line a suppression comment points at empty, so that the comment does not pass on to the next line', () => {
    const text = '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,\n    // lync-topology-disable-next-line LT005\n    "Force": true,\n    "WhatIf": true\n  }\n}';
    const fixed = applyFixTitled(text, 'LT005', "Remove 'WhatIf'");
    assert.equal(fixed, text.replace(',\n    "WhatIf": true', ''));
    const fixAll = applyEdits(fixed.replace('// lync-topology-disable-next-line LT005', '// lync-topology-disable-next-line LT101'), preferredFixEdits(check(fixed.replace('LT005', 'LT101')).diagnostics));
    assert.match(fixAll, /LT101\n\n {2}\}/);
  });

  it('on a line shared with other entries take only the entry, its comma and the space between', () => {
    const first = '{ "AccessEdgeConfiguration": { "Force": true, "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false } }';
    assert.equal(applyFixTitled(first, 'LT005', "Remove 'Force'"), '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false } }');
    const last = '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "Force": true } }';
    assert.equal(applyFixTitled(last, 'LT005', "Remove 'Force'"), '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false } }');
  });

  it('fix-all removes each key the same way', () => {
    const text = '{\n  "AccessEdgeConfiguration": {\n    "Force": true, // forced\n    "UseDnsSrvRouting": true,\n    // the procedure wants it off\n    "EnablePartnerDiscovery": false,\n    "WhatIf": true\n  }\n}';
    assert.equal(applyEdits(text, preferredFixEdits(check(text).diagnostics)), '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true,\n    // the procedure wants it off\n    "EnablePartnerDiscovery": false\n  }\n}');
  });
});

describe('suppression edits (issue 12.3, 12.4)', () => {
  const suppress = (text: string, code: string): string => {
    const analysis = check(text);
    const finding = analysis.diagnostics.find((d) => d.code === code)!;
    return applyEdits(text, [suppressionEdit(text, analysis.lines, analysis.lines.positionAt(finding.span.start).line, code)!]);
  };
  const TWO = '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,\n    "AllowFederatedUsers": "True", "Force": true\n  }\n}';

  it('a second code joins the comment already there, its reason kept, and both stay silent', () => {
    const once = suppress(TWO, 'LT101').replace('LT101', 'LT101 -- a string on purpose');
    const twice = suppress(once, 'LT005');
    assert.match(twice, /\n {4}\/\/ lync-topology-disable-next-line LT101, LT005 -- a string on purpose\n {4}"AllowFederatedUsers"/);
    assert.deepEqual(check(twice).diagnostics, []);
    const block = suppress(TWO.replace('    "AllowFederatedUsers"', '    /* lync-topology-disable-next-line LT101 */\n    "AllowFederatedUsers"'), 'LT005');
    assert.match(block, /\/\* lync-topology-disable-next-line LT101, LT005 \*\//);
  });

  it('nothing to add where a comment already silences every code of the line', () => {
    const text = TWO.replace('    "AllowFederatedUsers"', '    // lync-topology-disable-next-line LT005\n    "AllowFederatedUsers"');
    const analysis = check(text);
    const line = analysis.lines.positionAt(text.indexOf('"AllowFederatedUsers"')).line;
    assert.equal(suppressionEdit(text, analysis.lines, line, 'LT005'), undefined);
  });

  it('in a CRLF file, fixes, fix-all and suppressions insert CRLF only', () => {
    const text = TWO.replace(', "EnablePartnerDiscovery": false', '').replace(/\n/g, '\r\n');
    const analysis = check(text);
    const inserted = analysis.diagnostics.flatMap((d) => [
      ...d.fixes.flatMap((f) => f.edits.map((e) => e.newText)),
      suppressionEdit(text, analysis.lines, analysis.lines.positionAt(d.span.start).line, d.code)!.newText,
    ]);
    assert.ok(inserted.some((t) => t.includes('\r\n')));
    for (const newText of inserted) assert.doesNotMatch(newText.replace(/\r\n/g, ''), /[\r\n]/, JSON.stringify(newText));
    assert.doesNotMatch(applyEdits(text, preferredFixEdits(analysis.diagnostics)).replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('on the first line, go after a byte order mark and the comment the file opens with', () => {
    const text = '/* topology of contoso */ { "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": true } }';
    assert.equal(suppress(text, 'LT305'), text.replace('*/ {', '*/ // lync-topology-disable-next-line LT305\n{'));
    const analysis = check(`\ufeff${text}`);
    const edit = suppressionEdit(`\ufeff${text}`, analysis.lines, 0, 'LT305')!;
    assert.equal(edit.span.start, text.indexOf('{') + 1, 'after the mark');
    const bare = '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": true } }';
    assert.equal(suppressionEdit(`\ufeff${bare}`, check(`\ufeff${bare}`).lines, 0, 'LT305')!.span.start, 1);
  });

  it('never split a block comment that runs into the line', () => {
    const text = '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, /* set\n  by hand */ "EnablePartnerDiscovery": true } }';
    const suppressed = suppress(text, 'LT305');
    assert.equal(suppressed, text.replace('by hand */ ', 'by hand */ // lync-topology-disable-next-line LT305\n'));
    assert.deepEqual(check(suppressed).diagnostics.filter((d) => d.code === 'LT305'), []);
  });

  it('silence the finding of a file with no JSON in it, with or without comments', () => {
    for (const text of ['', '\n', '// nothing yet\n', '// nothing yet', '/* a */\r\n\r\n', '\ufeff']) {
      const suppressed = suppress(text, 'LT001');
      assert.deepEqual(check(suppressed).diagnostics, [], JSON.stringify(suppressed));
    }
  });
});

describe('fixes that retype a value', () => {
  const provider = (entries: string) => `{ "HostingProviders": [{ "Identity": "A", "ProxyFqdn": "sip.fabrikam.com", "Enabled": true, ${entries} }] }`;
  const retypes = (text: string) => check(text).diagnostics.filter((d) => d.code === 'LT101').flatMap((d) => d.fixes);

  it('are offered only where the value they write is then right', () => {
    for (const text of [
      '{ "SipDomains": [42] }',
      provider('"VerificationLevel": 1'),
      '{ "AccessEdgeConfiguration": { "OutgoingTlsCountForFederatedPartners": "8" } }',
      '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "DefaultRouteFqdn": 7 } }',
    ]) {
      assert.deepEqual(retypes(text), [], text);
    }
  });

  it('change the type and leave every other finding as it was', () => {
    for (const text of [
      provider('"SipClientPort": "5061"'),
      '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "AllowFederatedUsers": "True" } }',
      '{ "HostingProviders": [{ "Identity": 42, "ProxyFqdn": "sip.fabrikam.com", "Enabled": true }] }',
      '{ "SipDomains": "contoso.com" }',
    ]) {
      const [retype] = retypes(text);
      assert.ok(retype, text);
      const codes = (t: string) => check(t).diagnostics.map((d) => d.code).sort();
      assert.deepEqual(codes(applyEdits(text, retype.edits)), codes(text).filter((code) => code !== 'LT101'), text);
    }
  });
});
