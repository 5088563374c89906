import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
import { repoFile } from '../helpers';
import { applyTextEdits, TestClient } from './client';

let client: TestClient;
let counter = 0;

function open(text: string): string {
  const uri = `file:///sections/${++counter}.lync.jsonc`;
  client.open(uri, text);
  return uri;
}

function request<T>(method: string, uri: string, extra: Record<string, unknown>): Promise<T> {
  return client.connection.sendRequest(method, { textDocument: { uri }, ...extra }) as Promise<T>;
}

const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');

before(async () => (client = await TestClient.start({ pull: true })));
after(() => client.stop());

describe('the new sections over the language server protocol', () => {
  it('completes the keys of an Exchange UM contact and a new allowed domain', async () => {
    const uri = open('{ "AllowedDomains": [  ], "ExUmContacts": [ { "SipAddress": "sip:exumaa1@contoso.com", "" } ] }');
    const keys = (await request<CompletionItem[]>('textDocument/completion', uri, { position: client.positionOf(uri, '""', 1) })).map((i) => i.label);
    assert.deepEqual(keys, ['RegistrarPool', 'OU', 'DisplayNumber', 'AutoAttendant', 'Description', 'HostedVoicemailPolicy']);
    const [domain] = await request<CompletionItem[]>('textDocument/completion', uri, { position: client.positionOf(uri, '[  ]', 2) });
    assert.equal(domain.label, 'New allowed domain');
    assert.match((domain.textEdit as TextEdit).newText, /"Identity": "\$\{1:<domain name, such as fabrikam\.com>\}"/);
  });

  it('shows the policy a user is granted', async () => {
    const uri = open(EXAMPLE);
    const hover = await request<Hover>('textDocument/hover', uri, { position: client.positionOf(uri, '"HostedVoicemailPolicy": "ExRedmond"', 28) });
    assert.match((hover.contents as { value: string }).value, /Hosted voice mail policy[^]*Redmond office/);
  });

  it('takes a per-user policy away with null: no diagnostic, offered as a value, explained in the hover and the outline', async () => {
    const text = EXAMPLE.replace('"HostedVoicemailPolicy": "ExRedmond" }', '"HostedVoicemailPolicy": null }');
    const uri = open(text);
    assert.deepEqual(await client.pull(uri), []);
    const hover = await request<Hover>('textDocument/hover', uri, { position: client.positionOf(uri, '"HostedVoicemailPolicy": null', 27) });
    assert.match((hover.contents as { value: string }).value, /^`null`: Takes the per-user policy away/);
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', uri, {});
    const users = symbols.find((s) => s.name === 'Users')!.children!;
    assert.deepEqual([users[0].name, users[0].detail], ['sip:kenmyer@contoso.com', 'no per-user policy']);
    const empty = open(text.replace('"HostedVoicemailPolicy": null }', '"HostedVoicemailPolicy":  }'));
    const offered = await request<CompletionItem[]>('textDocument/completion', empty, { position: client.positionOf(empty, '"HostedVoicemailPolicy":  }', 25) });
    assert.deepEqual(offered.map((i) => i.label), ['ExRedmond', 'null']);
  });

  it('offers to write a grant with tag: without it, through its code action', async () => {
    const uri = open(EXAMPLE.replace('"HostedVoicemailPolicy": "ExRedmond" }', '"HostedVoicemailPolicy": "tag:ExRedmond" }'));
    const diagnostics = await client.pull(uri);
    const found = diagnostics.filter((d) => d.code === 'LT708');
    assert.equal(found.length, 1);
    const actions = await request<CodeAction[]>('textDocument/codeAction', uri, { range: found[0].range, context: { diagnostics: found as Diagnostic[] } });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, "Change to 'ExRedmond'");
    const fixed = applyTextEdits(client.text(uri), fix.edit!.changes![uri]);
    assert.equal(fixed, EXAMPLE);
  });

  it('outlines users, policies and contacts by their names', async () => {
    const uri = open(EXAMPLE);
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', uri, {});
    const names = (key: string) => symbols.find((s) => s.name === key)!.children!.map((c) => c.name);
    assert.deepEqual(names('HostedVoicemailPolicies'), ['global', 'ExRedmond']);
    assert.deepEqual(names('Users'), ['sip:kenmyer@contoso.com', 'sip:pilar@contoso.com', 'sip:davidl@contoso.com']);
    assert.deepEqual(names('ExUmContacts'), ['sip:exumsa1@contoso.com', 'sip:exumaa1@contoso.com']);
    assert.deepEqual(names('BlockedDomains'), ['adatum.com']);
  });

  it('goes from a grant to its policy and renames the policy with every grant', async () => {
    const uri = open(EXAMPLE);
    const grant = client.positionOf(uri, '"HostedVoicemailPolicy": "ExRedmond"', 28);
    const [definition] = await request<Location[]>('textDocument/definition', uri, { position: grant });
    assert.deepEqual(definition.range.start, client.positionOf(uri, '"Identity": "ExRedmond"', 12));
    const references = await request<Location[]>('textDocument/references', uri, { position: grant, context: { includeDeclaration: false } });
    assert.equal(references.length, 2);
    const rename = await request<WorkspaceEdit>('textDocument/rename', uri, { position: grant, newName: 'Redmond UM' });
    const renamed = applyTextEdits(client.text(uri), rename.changes![uri]);
    assert.equal(renamed.split('"Redmond UM"').length - 1, 3);
    assert.deepEqual(analyze(renamed).diagnostics, []);
  });

  it('renames a per-user policy written tag:ExRedmond from its Identity or a grant: the Identity keeps tag:, the grants stay bare', async () => {
    const tagged = EXAMPLE.replace('"Identity": "ExRedmond"', '"Identity": "tag:ExRedmond"');
    const expected = tagged.replace('"tag:ExRedmond"', '"tag:Seattle"').replaceAll('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": "Seattle"');
    for (const [search, delta, n] of [
      ['"tag:ExRedmond"', 6, 0],
      ['"HostedVoicemailPolicy": "ExRedmond"', 28, 0],
      ['"HostedVoicemailPolicy": "ExRedmond"', 28, 1],
    ] as const) {
      const uri = open(tagged);
      const position = client.positionOf(uri, search, delta, n);
      const prepared = await request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; placeholder: string }>('textDocument/prepareRename', uri, { position });
      assert.equal(prepared.placeholder, 'ExRedmond', search);
      const bareStart = client.positionOf(uri, search, search.indexOf('ExRedmond'), n);
      assert.deepEqual(prepared.range, { start: bareStart, end: { line: bareStart.line, character: bareStart.character + 'ExRedmond'.length } }, search);
      const rename = await request<WorkspaceEdit>('textDocument/rename', uri, { position, newName: prepared.placeholder.replace('ExRedmond', 'Seattle') });
      assert.equal(applyTextEdits(client.text(uri), rename.changes![uri]), expected, search);
    }
  });
});
