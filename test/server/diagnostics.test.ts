import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
import { EXAMPLES, REPO, repoFile } from '../helpers';
import { eventually, TestClient } from './client';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function cliFindings(file: string): string[] {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), 'check', '--format', 'json', file], { cwd: REPO, encoding: 'utf8' });
  return (JSON.parse(result.stdout) as { code: string; line: number; severity: string }[]).map((d) => `${d.line} ${d.code} ${d.severity}`);
}

function lspFindings(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1} ${d.code} ${SEVERITY[d.severity!]}`);
}

for (const pull of [true, false]) {
  describe(`diagnostics by ${pull ? 'pull' : 'push'}`, () => {
    let client: TestClient;
    before(async () => (client = await TestClient.start({ pull })));
    after(() => client.stop());

    const diagnosticsOf = (uri: string, version: number) => (pull ? client.pull(uri) : client.pushed(uri, version));

    for (const example of [...EXAMPLES, 'test/fixtures/missing-everything.lync.jsonc', 'test/fixtures/routing.lync.jsonc']) {
      it(`match lync-topology check on ${example}`, async () => {
        const uri = `file:///${pull ? 'pull' : 'push'}/${example}`;
        client.open(uri, repoFile(example));
        assert.deepEqual(lspFindings(await diagnosticsOf(uri, 1)), cliFindings(example));
      });
    }

    it('carry code, a link to the documentation, the source and the fix data', async () => {
      const uri = `file:///${pull}/carry.lync.jsonc`;
      client.open(uri, '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": "True" } }');
      const [diagnostic] = await diagnosticsOf(uri, 1);
      assert.equal(diagnostic.code, 'LT101');
      assert.equal(diagnostic.source, 'lync-topology');
      const href = diagnostic.codeDescription!.href;
      assert.match(href, /^file:\/\/.*\/docs\/diagnostics\.md#lt101-wrong-type$/);
      assert.ok(existsSync(fileURLToPath(href.split('#')[0])));
      assert.match(repoFile('docs', 'diagnostics.md'), /^## LT101 wrong-type$/m, 'the anchor is the heading GitHub and VS Code slug');
      const fixes = (diagnostic.data as { fixes: { title: string; preferred: boolean }[] }).fixes;
      assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Change to true', true]]);
    });

    it('after edits inside hosting providers, equal a fresh check of the same text', async () => {
      const uri = `file:///${pull}/inside.lync.jsonc`;
      client.open(uri, repoFile('test/fixtures/mistakes.lync.jsonc'));
      await diagnosticsOf(uri, 1);
      for (const [search, replacement] of [
        ['"HostsOCSUsers": true', '"HostsOCSUsers": false'],
        ['"Identity": "Exchange Online"', '"Identity": "Exchange Onlin"'],
        ['"SipClientPort": 443', '"SipClientPort": 70000'],
        ['"ProxyFQDN"', '"ProxyFqdn"'],
      ]) {
        const version = client.edit(uri, search, replacement);
        const expected = analyze(client.text(uri)).diagnostics.map((d) => `${client.document(uri).positionAt(d.span.start).line + 1} ${d.code} ${d.severity}`);
        assert.deepEqual(lspFindings(await diagnosticsOf(uri, version)), expected, `after ${replacement}`);
      }
    });

    it('follow every incremental edit and belong to the latest version', async () => {
      const uri = `file:///${pull}/edits.lync.jsonc`;
      client.open(uri, '{ "AccessEdgeConfiguration": { "OutgoingTlsCountForFederatedPartners": 4 } }');
      assert.deepEqual(await diagnosticsOf(uri, 1), []);
      let version = 1;
      for (const value of ['5', '40', '400', '4']) {
        version = client.edit(uri, /\d+ }/.exec(client.text(uri))![0], `${value} }`);
      }
      assert.deepEqual(await diagnosticsOf(uri, version), []);
      version = client.edit(uri, '4 }', '9 }');
      assert.deepEqual((await diagnosticsOf(uri, version)).map((d) => d.code), ['LT103']);
    });
  });
}

describe('push diagnostics', () => {
  it('clears them when the document closes', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const uri = 'file:///close.lync.jsonc';
      client.open(uri, '{ "Nope": 1 }');
      assert.equal((await client.pushed(uri, 1)).length, 1);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await eventually(() => (client.published.get(uri)?.diagnostics.length === 0 ? true : undefined), 'cleared diagnostics');
    } finally {
      await client.stop();
    }
  });
});
