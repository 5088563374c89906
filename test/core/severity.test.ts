import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../helpers';

const OPEN = '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true,\n  "EnablePartnerDiscovery": true,\n  "BeClearingHouse": true } }';

function found(text: string, settings?: Parameters<typeof check>[1]): string[] {
  return check(text, settings).diagnostics.map((d) => `${d.code}:${d.severity}`);
}

describe('severity settings', () => {
  it('change the severity of the codes they name', () => {
    assert.deepEqual(found(OPEN), ['LT305:warning', 'LT306:warning']);
    assert.deepEqual(found(OPEN, { severity: { LT305: 'error', LT306: 'hint' } }), ['LT305:error', 'LT306:hint']);
  });

  it('turn a code off', () => {
    assert.deepEqual(found(OPEN, { severity: { LT305: 'off' } }), ['LT306:warning']);
  });
});

describe('suppression comments', () => {
  it('silence every finding on the next line', () => {
    assert.deepEqual(found(OPEN.replace('\n  "EnablePartnerDiscovery"', '\n  // lync-topology-disable-next-line\n  "EnablePartnerDiscovery"')), ['LT306:warning']);
  });

  it('silence only the codes they name', () => {
    const named = OPEN.replace('\n  "EnablePartnerDiscovery"', '\n  // lync-topology-disable-next-line LT306 -- reason\n  "EnablePartnerDiscovery"');
    assert.deepEqual(found(named), ['LT305:warning', 'LT306:warning']);
    const both = OPEN.replace('\n  "BeClearingHouse"', '\n  /* lync-topology-disable-next-line LT305, LT306 */\n  "BeClearingHouse"');
    assert.deepEqual(found(both), ['LT305:warning']);
  });

  it('reach one line only', () => {
    const early = OPEN.replace('{ "AccessEdgeConfiguration"', '// lync-topology-disable-next-line\n\n{ "AccessEdgeConfiguration"');
    assert.deepEqual(found(early), ['LT305:warning', 'LT306:warning']);
  });

  it('are not read inside strings', () => {
    const inString = '{ "SipDomains": ["// lync-topology-disable-next-line"],\n  "ExchangeUM": { "Mode": "Hosted" } }';
    assert.deepEqual(found(inString).filter((c) => c.startsWith('LT102')), ['LT102:error']);
  });
});
