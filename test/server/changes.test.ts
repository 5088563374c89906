import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO, repoFile } from '../helpers';
import { TestClient } from './client';

let client: TestClient;

before(async () => (client = await TestClient.start({ pull: true })));
after(() => client.stop());

const SAMPLE = readFileSync(join(REPO, 'test', 'shell-output', 'get-cshostingprovider-select-all.txt'), 'utf8');

describe('lyncTopology/import', () => {
  it('returns the topology file of pasted output', async () => {
    const result = (await client.connection.sendRequest('lyncTopology/import', { sources: [{ name: 'clipboard', text: SAMPLE }] })) as { text: string; problems: unknown[] };
    assert.deepEqual(result.problems, []);
    assert.match(result.text, /^\/\/ Imported by Lync Topology from Management Shell output: clipboard\./);
    assert.match(result.text, /"SipClientPort": 443/);
  });

  it('returns the problems, with lines, and no text', async () => {
    const result = (await client.connection.sendRequest('lyncTopology/import', { sources: [{ name: 'selection', text: 'Identity : x\nnot output\n' }] })) as { text: string | null; problems: { line: number }[] };
    assert.equal(result.text, null);
    assert.deepEqual(result.problems.map((p) => p.line), [2]);
  });

  it('answers malformed parameters with an error, not a crash', async () => {
    await assert.rejects(client.connection.sendRequest('lyncTopology/import', { sources: 'text' }), /sources must be/);
    await assert.rejects(client.connection.sendRequest('lyncTopology/import', { sources: [{ name: 'a.txt', base64: 'not base64!' }] }), /sources must be/);
  });

  it('decodes a file sent as its bytes: UTF-16 in either byte order by its byte order mark, else UTF-8', async () => {
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const expected = (await client.connection.sendRequest('lyncTopology/import', { sources: [{ name: 'transcript.txt', text: SAMPLE }] })) as { text: string };
    for (const bytes of [littleEndian, Buffer.from(littleEndian).swap16(), Buffer.from(`\uFEFF${SAMPLE}`, 'utf8'), Buffer.from(SAMPLE, 'utf8')]) {
      const result = (await client.connection.sendRequest('lyncTopology/import', { sources: [{ name: 'transcript.txt', base64: bytes.toString('base64') }] })) as {
        text: string | null;
        problems: unknown[];
      };
      assert.deepEqual(result.problems, []);
      assert.equal(result.text, expected.text);
    }
  });

  it('says when there is no output at all, and returns no text', async () => {
    const result = (await client.connection.sendRequest('lyncTopology/import', { sources: [{ name: 'the clipboard', text: '\r\n\r\n' }] })) as {
      text: string | null;
      problems: { line: number; message: string }[];
    };
    assert.equal(result.text, null);
    assert.match(result.problems[0].message, /^No Management Shell output was found in the clipboard/);
  });
});

describe('lyncTopology/plan', () => {
  it('plans from a deployed text to an open document', async () => {
    const uri = 'file:///changes/desired.lync.jsonc';
    const desired = repoFile('examples/mixed.lync.jsonc');
    client.open(uri, desired);
    const deployed = desired.replace('"um.fabrikam.com"', '"old.fabrikam.com"');
    const result = (await client.connection.sendRequest('lyncTopology/plan', { uri, deployed: { name: 'HEAD', text: deployed } })) as { script: string; steps: { cmdlet: string }[]; diagnostics: Diagnostic[] };
    assert.deepEqual(result.steps.map((s) => s.cmdlet), ['Remove-CsHostingProvider', 'New-CsHostingProvider']);
    assert.match(result.script, /^Remove-CsHostingProvider -Identity 'Fabrikam Hosted UM'$/m);
    assert.deepEqual(result.diagnostics, []);
  });

  it('returns the errors of the open document that block the plan', async () => {
    const uri = 'file:///changes/mistakes.lync.jsonc';
    client.open(uri, repoFile('test/fixtures/mistakes.lync.jsonc'));
    const result = (await client.connection.sendRequest('lyncTopology/plan', { uri, deployed: { name: 'x', text: '{}' } })) as { script: string | null; diagnostics: Diagnostic[] };
    assert.equal(result.script, null);
    assert.ok(result.diagnostics.length > 0 && result.diagnostics.every((d) => d.severity === 1));
  });

  it("returns what keeps the deployed file from being planned from, at its place in that file", async () => {
    const uri = 'file:///changes/desired2.lync.jsonc';
    client.open(uri, repoFile('examples/mixed.lync.jsonc'));
    const deployed = '{\n  "HostingProviders": [\n    { "Identity": "Fab\\nrikam", "ProxyFqdn": "sip.fabrikam.com" }\n  ]\n}\n';
    const result = (await client.connection.sendRequest('lyncTopology/plan', { uri, deployed: { name: 'deployed', text: deployed } })) as {
      script: string | null;
      diagnostics: Diagnostic[];
      deployedDiagnostics: Diagnostic[];
    };
    assert.equal(result.script, null);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.deployedDiagnostics.map((d) => [d.code, d.range.start.line]), [['LT105', 2]]);
  });
});
