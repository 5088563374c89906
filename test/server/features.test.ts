import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, SelectionRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, documentSymbols, type OutlineSymbol } from '../../server/src/core';
import { hostedUm, repoFile, UM_PROVIDER } from '../helpers';
import { applyTextEdits, TestClient } from './client';

let client: TestClient;
let counter = 0;

function open(text: string): string {
  const uri = `file:///features/${++counter}.lync.jsonc`;
  client.open(uri, text);
  return uri;
}

async function completions(uri: string, search: string, delta = 0): Promise<CompletionItem[]> {
  const result = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: client.positionOf(uri, search, delta) });
  return result as CompletionItem[];
}

function edits(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

async function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const end = client.document(uri).positionAt(client.text(uri).length);
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end };
  return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } })) as CodeAction[];
}

before(async () => (client = await TestClient.start({ pull: true })));
after(() => client.stop());

describe('completion', () => {
  const provider = '{ "HostingProviders": [ { "Identity": "Hosted UM", "Enabled": true, "" } ] }';

  it('offers the other parameters of a hosting provider, not those it has, each documented', async () => {
    const uri = open(provider);
    const items = await completions(uri, '""', 1);
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('Identity') && !labels.includes('Enabled'), labels.join());
    for (const name of ['ProxyFqdn', 'EnabledSharedAddressSpace', 'HostsOCSUsers', 'IsLocal', 'VerificationLevel', 'AutodiscoverUrl', 'SipClientPort']) assert.ok(labels.includes(name), name);
    const proxy = items.find((i) => i.label === 'ProxyFqdn')!;
    assert.match((proxy.documentation as { value: string }).value, /New-CsHostingProvider/);
    const inserted = applyTextEdits(client.text(uri), [proxy.textEdit as TextEdit]).replace('"$1"', '"p.fabrikam.com"');
    assert.match(inserted, /"Enabled": true, "ProxyFqdn": "p\.fabrikam\.com" \}/);
  });

  it('still knows the keys below a new key typed on its own line, before its colon', async () => {
    const uri = open('{ "HostingProviders": [ {\n  "Identity": "P",\n  "Enabled": true,\n  ""\n  "ProxyFqdn": "p.fabrikam.com",\n  "IsLocal": false\n} ] }');
    const labels = (await completions(uri, '""', 1)).map((i) => i.label);
    for (const present of ['Identity', 'Enabled', 'ProxyFqdn', 'IsLocal']) assert.ok(!labels.includes(present), `${present} in ${labels.join()}`);
    assert.ok(labels.includes('VerificationLevel'));
  });

  it('offers the identities defined in the file inside ExchangeUM.HostingProviders', async () => {
    const uri = open('{ "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": [""] }, "HostingProviders": [ { "Identity": "Exchange Online" }, { "Identity": "Fabrikam UM" } ] }');
    const items = await completions(uri, '[""]', 2);
    assert.deepEqual(items.map((i) => i.label), ['Exchange Online', 'Fabrikam UM']);
  });

  it('offers only the parameters of the routing method already chosen', async () => {
    const uri = open('{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "" } }');
    const labels = (await completions(uri, '""', 1)).map((i) => i.label);
    assert.ok(labels.includes('EnablePartnerDiscovery') && labels.includes('AllowFederatedUsers'));
    for (const name of ['UseDefaultRouting', 'DefaultRouteFqdn', 'IsPublicProvider', 'VerificationLevel', 'UseDnsSrvRouting', 'DnsSrvCacheRecordCount']) assert.ok(!labels.includes(name), name);
  });

  it('offers values: booleans and enumeration values', async () => {
    const uri = open('{ "HostingProviders": [ { "Enabled": , "VerificationLevel": "" } ] }');
    assert.deepEqual((await completions(uri, '"Enabled": ', 11)).map((i) => i.label), ['true', 'false']);
    assert.deepEqual((await completions(uri, '""', 1)).map((i) => i.label), ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification']);
  });

  it('offers snippets: a new file per mode, a hosted UM provider, the shared-address-space Edge section', async () => {
    const empty = open('');
    assert.deepEqual((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 0 } }) as CompletionItem[]).map((i) => i.label), ['New topology file: OnPremises', 'New topology file: CrossPremises', 'New topology file: Mixed']);
    const list = open('{ "HostingProviders": [  ] }');
    const provider = (await completions(list, '[ ', 2)).find((i) => i.label === 'Hosting provider for hosted Exchange UM')!;
    assert.match((provider.textEdit as TextEdit).newText, /"EnabledSharedAddressSpace": true/);
    const root = open('{ "SipDomains": ["contoso.com"], "" }');
    assert.ok((await completions(root, '""', 1)).some((i) => i.label === 'AccessEdgeConfiguration for a shared SIP address space'));
  });
});

describe('hover', () => {
  it('explains a parameter: what it does, its type, its cmdlet and versions', async () => {
    const uri = open(hostedUm(UM_PROVIDER));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: client.positionOf(uri, 'HostsOCSUsers', 2) })) as Hover;
    const text = (hover.contents as { value: string }).value;
    for (const part of ['HostsOCSUsers', 'New-CsHostingProvider', 'Boolean', 'Default', 'every version', 'hosts Exchange UM']) assert.match(text, new RegExp(part), part);
  });

  it('explains an enumeration value', async () => {
    const uri = open(hostedUm(UM_PROVIDER));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: client.positionOf(uri, 'UseSourceVerification', 3) })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^`UseSourceVerification`: .*trusted/);
  });

  it('shows the provider a reference points to', async () => {
    const uri = open(hostedUm(UM_PROVIDER));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: client.positionOf(uri, '"Hosted UM"', 2) })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Hosting provider.*Hosted UM[^]*ProxyFqdn: `"proxy\.fabrikam\.com"`/);
  });
});

describe('code actions', () => {
  it('for every diagnostic with fix data, the preferred fix removes it and leaves valid JSON', async () => {
    for (const file of ['test/fixtures/mistakes.lync.jsonc', 'test/fixtures/missing-everything.lync.jsonc', 'test/fixtures/routing.lync.jsonc']) {
      const uri = open(repoFile(file));
      const diagnostics = await client.pull(uri);
      for (const diagnostic of diagnostics.filter((d) => (d.data as { fixes: unknown[] }).fixes.length > 0)) {
        const actions = await codeActions(uri, [diagnostic]);
        const preferred = actions.find((a) => a.isPreferred);
        if (!preferred) continue;
        const fixed = analyze(applyTextEdits(client.text(uri), edits(preferred.edit, uri)));
        assert.ok(!fixed.diagnostics.some((d) => d.code === 'LT001'), `${file} ${diagnostic.code}: syntax error after "${preferred.title}"`);
        const where = client.document(uri).offsetAt(diagnostic.range.start);
        assert.ok(!fixed.diagnostics.some((d) => d.code === diagnostic.code && d.span.start === where && d.message === diagnostic.message), `${file} ${diagnostic.code}: still there after "${preferred.title}"`);
      }
    }
  });

  it('source.fixAll on the example with mistakes leaves no fixable diagnostic', async () => {
    const uri = open(repoFile('test/fixtures/mistakes.lync.jsonc'));
    for (let round = 0; round < 5; round++) {
      const [fixAll] = await codeActions(uri, [], ['source.fixAll']);
      if (!fixAll) break;
      assert.equal(fixAll.kind, 'source.fixAll');
      client.change(uri, edits(fixAll.edit, uri));
    }
    const left = await client.pull(uri);
    assert.deepEqual(left.filter((d) => (d.data as { fixes: { preferred: boolean }[] }).fixes.some((f) => f.preferred)).map((d) => d.code), []);
    assert.ok(!left.some((d) => d.code === 'LT001'));
  });

  it('suppresses a finding for its line with a comment', async () => {
    const uri = open('{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true,\n    "EnablePartnerDiscovery": true\n  }\n}');
    const [diagnostic] = await client.pull(uri);
    const suppress = (await codeActions(uri, [diagnostic])).find((a) => a.title === 'Suppress LT305 for this line')!;
    client.change(uri, edits(suppress.edit, uri));
    assert.match(client.text(uri), /\n {4}\/\/ lync-topology-disable-next-line LT305\n {4}"EnablePartnerDiscovery"/);
    assert.deepEqual(await client.pull(uri), []);
  });
});

describe('navigation', () => {
  const text = hostedUm(UM_PROVIDER).replace('"HostingProviders": ["Hosted UM"]', '"HostingProviders": ["Hosted UM", "hosted um"]');

  it('outlines the sections and the providers by Identity', async () => {
    const uri = open(text);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['SipDomains', 'ExchangeUM', 'AccessEdgeConfiguration', 'HostingProviders']);
    const providers = symbols[3].children!;
    assert.deepEqual(providers.map((p) => [p.name, p.detail]), [['Hosted UM', 'proxy.fabrikam.com']]);
    assert.ok(providers[0].children!.some((c) => c.name === 'ProxyFqdn'));
  });

  it('places each symbol where the outline spans it, as the client counts lines, whatever the line breaks and after edits', async () => {
    /** Names and ranges, from the server's answer or from the core's outline placed by the client's own document. */
    type Placed = { name: string; range: unknown; selectionRange: unknown; children: Placed[] };
    const answered = (symbols: readonly DocumentSymbol[]): Placed[] =>
      symbols.map((s) => ({ name: s.name, range: s.range, selectionRange: s.selectionRange, children: answered(s.children ?? []) }));
    const expected = (document: TextDocument, symbols: readonly OutlineSymbol[]): Placed[] =>
      symbols.map((s) => ({
        name: s.name || ' ',
        range: { start: document.positionAt(s.span.start), end: document.positionAt(s.span.end) },
        selectionRange: { start: document.positionAt(s.selectionSpan.start), end: document.positionAt(s.selectionSpan.end) },
        children: expected(document, s.children),
      }));
    const compare = async (uri: string) => {
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      const document = client.document(uri);
      assert.deepEqual(answered(symbols), expected(document, documentSymbols(analyze(document.getText()).model)));
    };
    // Users on a line each, one over two lines, and one without a name (its symbol is placed on its brace).
    const users = `,\n  "Users": [\n    { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true },\n    { "Identity": "sip:b@contoso.com",\n      "HostedVoiceMail": true },\n    { "HostedVoiceMail": true }\n  ]\n}`;
    const text = repoFile('examples/cross-premises.lync.jsonc').replace(/\n\}\s*$/, users);
    for (const eol of ['\n', '\r\n', '\r']) {
      const uri = open(text.replace(/\r?\n/g, eol));
      await compare(uri);
      // Lines put in before and within the entries, analyzed incrementally.
      client.edit(uri, '"Identity": "sip:b@contoso.com",', `"Identity": "sip:b@contoso.com",${eol}${eol}`);
      client.edit(uri, `{${eol}`, `{${eol}// moved${eol}`);
      await compare(uri);
    }
  });

  it('folds objects and arrays that span lines', async () => {
    const uri = open(text);
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 6], [4, 5]]);
  });

  it('expands a selection from a value to its property, object and beyond', async () => {
    const uri = open(text);
    const [range] = (await client.connection.sendRequest('textDocument/selectionRange', { textDocument: { uri }, positions: [client.positionOf(uri, 'proxy.fabrikam', 3)] })) as SelectionRange[];
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) {
      const start = client.document(uri).offsetAt(r.range.start);
      chain.push(client.text(uri).slice(start, client.document(uri).offsetAt(r.range.end)));
    }
    assert.equal(chain[0], '"proxy.fabrikam.com"');
    assert.equal(chain[1], '"ProxyFqdn": "proxy.fabrikam.com"');
    assert.ok(chain[2].startsWith('{ "Identity"'));
    assert.equal(chain[chain.length - 1], text);
  });

  it('goes from a reference to the provider, finds references and renames them all', async () => {
    const uri = open(text);
    const at = client.positionOf(uri, '"hosted um"', 3);
    const [definition] = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at })) as Location[];
    assert.deepEqual(definition.range.start, client.positionOf(uri, '"Hosted UM"', 0, 1));
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: client.positionOf(uri, '"Hosted UM"', 2, 1), context: { includeDeclaration: true } })) as Location[];
    assert.equal(references.length, 3);
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at })) as { placeholder: string };
    assert.equal(prepared.placeholder, 'hosted um');
    const rename = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: "O'Brien \"UM\"" })) as WorkspaceEdit;
    const renamed = applyTextEdits(client.text(uri), edits(rename, uri));
    assert.equal(renamed.split('"O\'Brien \\"UM\\""').length - 1, 3);
    assert.deepEqual(analyze(renamed).diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('formatting', () => {
  it('re-indents with the editor tab size, keeping comments', async () => {
    const uri = open('{\n// Edge\n"AccessEdgeConfiguration": {"UseDnsSrvRouting": true, /* why */ "EnablePartnerDiscovery": false}}');
    const result = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
    const formatted = applyTextEdits(client.text(uri), result);
    assert.equal(formatted, '{\n    // Edge\n    "AccessEdgeConfiguration": {\n        "UseDnsSrvRouting": true, /* why */\n        "EnablePartnerDiscovery": false\n    }\n}');
    const tabs = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } })) as TextEdit[];
    assert.match(applyTextEdits(client.text(uri), tabs), /\n\t\t"UseDnsSrvRouting"/);
  });

  it('formats a range only', async () => {
    const uri = open('{\n"SipDomains": [],\n"ExchangeUM": {"Mode": "OnPremises"}\n}');
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 36 } };
    const result = (await client.connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri }, range, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    const formatted = applyTextEdits(client.text(uri), result);
    assert.ok(formatted.startsWith('{\n"SipDomains": [],\n'), formatted);
    assert.match(formatted, /"ExchangeUM": \{\n\s+"Mode": "OnPremises"\n\s*\}/);
  });
});

describe('lyncTopology/cmdlets', () => {
  it('returns the script of a clean document', async () => {
    const uri = open(repoFile('examples/cross-premises.lync.jsonc'));
    const result = (await client.connection.sendRequest('lyncTopology/cmdlets', { uri })) as { script: string; diagnostics: Diagnostic[] };
    assert.match(result.script, /^New-CsHostingProvider -Identity 'Hosted Exchange UM' /m);
    assert.deepEqual(result.diagnostics, []);
  });

  it('returns the diagnostics that block the script', async () => {
    const uri = open(repoFile('test/fixtures/mistakes.lync.jsonc'));
    const result = (await client.connection.sendRequest('lyncTopology/cmdlets', { uri })) as { script: string | null; diagnostics: Diagnostic[] };
    assert.equal(result.script, null);
    assert.ok(result.diagnostics.length > 0 && result.diagnostics.every((d) => d.severity === 1));
  });

  it('answers an unknown document with an error, not a crash', async () => {
    await assert.rejects(client.connection.sendRequest('lyncTopology/cmdlets', { uri: 'file:///nowhere.lync.jsonc' }), /not open/);
  });
});
