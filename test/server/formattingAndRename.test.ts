import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { generateTopology } from '../../bench/topology';
import { hostedUm, UM_PROVIDER } from '../helpers';
import { applyTextEdits, TestClient } from './client';

let client: TestClient;
let counter = 0;

function open(text: string): string {
  const uri = `file:///editing/${++counter}.lync.jsonc`;
  client.open(uri, text);
  return uri;
}

const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

async function format(uri: string, options: Record<string, unknown>): Promise<TextEdit[]> {
  return (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true, ...options } })) as TextEdit[];
}

/** The error a request is answered with, or fails when it is answered normally. */
async function refusal(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  return request.then(
    (answer) => assert.fail(`expected an error, got ${JSON.stringify(answer)}`),
    (error: unknown) => {
      assert.ok(error instanceof ResponseError, String(error));
      return error;
    },
  );
}

before(async () => (client = await TestClient.start({ pull: true })));
after(() => client.stop());

describe('formatting over stdio', () => {
  it('leaves a silenced line whole, so that its finding stays silenced', async () => {
    const text = '{\n  // lync-topology-disable-next-line LT101\n  "AccessEdgeConfiguration": { "AllowFederatedUsers": "True", "UseDnsSrvRouting": "yes", "EnablePartnerDiscovery": false },\n"SipDomains": [ "contoso.com" ]\n}\n';
    const uri = open(text);
    const before = await client.pull(uri);
    const formatted = applyTextEdits(text, await format(uri, {}));
    assert.match(formatted, /\n {2}"SipDomains": \[\n {4}"contoso.com"\n/);
    const after = open(formatted);
    assert.deepEqual(codesOf(await client.pull(after)), codesOf(before));
  });

  it('keeps the final line break, and follows insertFinalNewline, trimFinalNewlines and trimTrailingWhitespace', async () => {
    const body = '{"SipDomains": ["contoso.com"]} // end   ';
    const pretty = '{\n  "SipDomains": [\n    "contoso.com"\n  ]\n} // end   ';
    assert.equal(applyTextEdits(`${body}\r\n`, await format(open(`${body}\r\n`), {})), `${pretty.replace(/\n/g, '\r\n')}\r\n`);
    assert.equal(applyTextEdits(body, await format(open(body), {})), pretty);
    assert.equal(applyTextEdits(body, await format(open(body), { insertFinalNewline: true })), `${pretty}\n`);
    assert.equal(applyTextEdits(`${body}\n\n\n`, await format(open(`${body}\n\n\n`), { trimFinalNewlines: true })), `${pretty}\n`);
    assert.equal(applyTextEdits(`${body}\n\n\n`, await format(open(`${body}\n\n\n`), {})), `${pretty}\n\n\n`);
    assert.equal(applyTextEdits(`${body}\n`, await format(open(`${body}\n`), { trimTrailingWhitespace: true })), `${pretty.trimEnd()}\n`);
  });

  it('answers 20,000 nested arrays quickly with edits that each carry their text', async () => {
    const depth = 20_000;
    const text = `{ "SipDomains": ${'['.repeat(depth)}${']'.repeat(depth)} }`;
    const edits = await format(open(text), {});
    assert.ok(edits.every((edit) => typeof edit.newText === 'string'));
    assert.ok(applyTextEdits(text, edits).includes('['.repeat(depth - 63)));
    const shallow = `{ "SipDomains": ${'['.repeat(25)}${']'.repeat(25)} }`;
    const wide = await format(open(shallow), { tabSize: 8 });
    assert.ok(wide.every((edit) => typeof edit.newText === 'string'));
    assert.ok(applyTextEdits(shallow, wide).includes(`\n${' '.repeat(200)}[`));
  });
});

describe('rename over stdio', () => {
  const text = hostedUm(UM_PROVIDER).replace('    { ', '    { "Identity": "Other UM", "Enabled": true, "ProxyFqdn": "other.fabrikam.com" },\n    { ');

  const rename = (uri: string, newName: string, search = '"Hosted UM"', n = 1) =>
    client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: client.positionOf(uri, search, 1, n), newName }) as Promise<WorkspaceEdit | null>;

  it('refuses a name the server would flag, saying why, and changes nothing', async () => {
    const uri = open(text);
    for (const [newName, reason] of [
      ['', /not empty/],
      ['Hosted\nUM', /line break/],
      ['other um', /already has the Identity/],
    ] as const) {
      const error = await refusal(rename(uri, newName));
      assert.equal(error.code, LSPErrorCodes.RequestFailed);
      assert.match(error.message, reason);
    }
    const renamed = (await rename(uri, 'Fabrikam UM'))!;
    assert.equal(applyTextEdits(text, renamed.changes![uri]).split('"Fabrikam UM"').length - 1, 2);
  });

  it('answers an error, without logging one, where no provider name is', async () => {
    const uri = open(text);
    const logged = client.logged.length;
    const error = await refusal(rename(uri, 'x', '"contoso.com"', 0));
    assert.match(error.message, /Only a hosting provider name can be renamed/);
    assert.deepEqual(client.logged.slice(logged).filter((line) => /rename|Error/.test(line)), []);
  });

  it('answers RequestCancelled to a request cancelled before its work', async () => {
    const uri = open(text);
    // Keeps the server busy, so that the cancellation is read before the request's work begins.
    const busy = format(open(generateTopology(5_000)), {});
    const source = new CancellationTokenSource();
    source.cancel();
    const pending = client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: client.positionOf(uri, '"Hosted UM"', 1), newName: 'X' }, source.token);
    const error = await refusal(pending);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    assert.ok((await busy).length > 0);
  });
});
