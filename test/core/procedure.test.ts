import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from '../../server/src/core';
import { check, repoFile } from '../helpers';
import { commandArguments, commandLines } from '../powershell';

function script(text: string): string {
  const generation = generate(check(text));
  assert.ok(generation.script, `expected a script, got ${JSON.stringify(generation.blocking)}`);
  return generation.script;
}

const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');

describe('the whole procedure', () => {
  it('writes the Exchange Online example in the documented order, each phase under a heading', () => {
    const text = script(EXAMPLE);
    const lines = commandLines(text);
    assert.deepEqual(
      lines.map((line) => line.split(' ')[0]),
      [
        'Set-CsAccessEdgeConfiguration',
        'New-CsAllowedDomain',
        'New-CsAllowedDomain',
        'New-CsBlockedDomain',
        'Get-CsManagementStoreReplicationStatus',
        'New-CsHostingProvider',
        'Set-CsHostedVoicemailPolicy',
        'New-CsHostedVoicemailPolicy',
        'Grant-CsHostedVoicemailPolicy',
        'Set-CsUser',
        'Set-CsUser',
        'Set-CsUser',
        'New-CsExUmContact',
        'Grant-CsHostedVoicemailPolicy',
        'New-CsExUmContact',
      ],
    );
    const headings = text.split('\n').filter((line, i, all) => line.startsWith('# ') && (i === 0 || all[i - 1] === ''));
    assert.equal(headings.length, 10, headings.join('\n'));
  });

  it('changes the global policy with Set- and creates the others, Organization as one comma-separated string', () => {
    const lines = commandLines(script(EXAMPLE));
    const global = commandArguments(lines.find((l) => l.startsWith('Set-CsHostedVoicemailPolicy '))!);
    assert.equal(global.get('Identity'), 'global');
    const perUser = commandArguments(lines.find((l) => l.startsWith('New-CsHostedVoicemailPolicy '))!);
    assert.equal(perUser.get('Organization'), 'contoso.onmicrosoft.com,redmond.contoso.com');
    assert.equal(perUser.get('Identity'), 'ExRedmond');
  });

  it('puts Auto Attendant contacts before Subscriber Access ones, each followed by its grant', () => {
    const lines = commandLines(script(EXAMPLE));
    const contacts = lines.filter((l) => l.startsWith('New-CsExUmContact '));
    assert.deepEqual(
      contacts.map((l) => commandArguments(l).get('AutoAttendant')),
      ['$True', undefined],
    );
    const first = lines.indexOf(contacts[0]);
    assert.deepEqual([...commandArguments(lines[first + 1]).entries()], [['Identity', 'sip:exumaa1@contoso.com'], ['PolicyName', 'ExRedmond']]);
  });

  it('passes the domain by the parameter the file names it with', () => {
    const lines = commandLines(script(EXAMPLE)).filter((l) => l.startsWith('New-CsAllowedDomain '));
    assert.deepEqual(lines.map((l) => [...commandArguments(l).keys()][0]), ['Identity', 'Domain']);
  });

  it('writes no Set-CsUser for a user that only gets a policy, and only the grant', () => {
    const text = `{ "HostedVoicemailPolicies": [ { "Identity": "P1", "Destination": "exap.um.outlook.com" } ],
      "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": "P1" } ] }`;
    const lines = commandLines(script(text));
    assert.deepEqual(lines.map((l) => l.split(' ')[0]), ['New-CsHostedVoicemailPolicy', 'Grant-CsHostedVoicemailPolicy']);
  });

  it('writes no replication check when nothing reaches the Edge', () => {
    const text = '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlook.com" } ] }';
    assert.deepEqual(commandLines(script(text)), ["Set-CsHostedVoicemailPolicy -Identity 'global' -Destination 'exap.um.outlook.com'"]);
  });
});
