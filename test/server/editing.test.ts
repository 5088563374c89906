import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
import { applyTextEdits, eventually, TestClient } from './client';

/**
 * Issue 12 over stdio: edits that stay valid for the document as it is now, in the client's own terms.
 * Two clients: one like VS Code (snippets, versioned documentChanges), one like Neovim 0.7 (neither).
 */
let modern: TestClient;
let plain: TestClient;
let counter = 0;

function open(client: TestClient, text: string): string {
  const uri = `file:///editing/${++counter}.lync.jsonc`;
  client.open(uri, text);
  return uri;
}

/** The edits of a workspace edit for `uri`, from `changes` or from the `documentChanges` of the given version. */
function editsOf(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  if (edit?.documentChanges) {
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.ok(changes.every((c) => c.textDocument.uri === uri && c.textDocument.version === version), JSON.stringify(changes));
    return changes.flatMap((c) => c.edits as TextEdit[]);
  }
  return edit?.changes?.[uri] ?? [];
}

async function codeActions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: client.document(uri).positionAt(client.text(uri).length) };
  return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } })) as CodeAction[];
}

async function diagnosticsOf(client: TestClient, uri: string): Promise<Diagnostic[]> {
  return client.pull(uri);
}

/** Applies the action's edit in the client, as an editor does, and returns the new text. */
function apply(client: TestClient, uri: string, action: CodeAction): string {
  client.change(uri, editsOf(action.edit, uri, client.document(uri).version));
  return client.text(uri);
}

before(async () => {
  modern = await TestClient.start({ pull: true, documentChanges: true });
  plain = await TestClient.start({ pull: true, snippetSupport: false });
  // Settings read later would drop the analyses made before, and with them the incremental path.
  await eventually(() => (plain.refreshes > 0 && modern.refreshes > 0) || undefined, 'the servers to read their settings');
});
after(async () => {
  await modern.stop();
  await plain.stop();
});

const EDGE = ['{', '  "AccessEdgeConfiguration": {', '    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,', '    "Force": true,', '    "AllowFederatedUsers": true', '  }', '}'].join('\n');

describe('code actions answer for the current version (issue 12.1)', () => {
  for (const [name, client, versioned] of [
    ['a client with documentChanges', () => modern, true],
    ['a client without them (Neovim 0.7)', () => plain, false],
  ] as const) {
    it(`a diagnostic moved by a later edit gets the current fix, and none once it is fixed: ${name}`, async () => {
      const c = client();
      const uri = open(c, EDGE);
      const [force] = (await diagnosticsOf(c, uri)).filter((d) => d.code === 'LT005');
      assert.equal(force.range.start.line, 3);
      c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// edge settings\n' }]);
      const moved = { ...force, range: { start: { ...force.range.start, line: 4 }, end: { ...force.range.end, line: 4 } } };
      const actions = await codeActions(c, uri, [moved]);
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.edit!.documentChanges !== undefined, versioned);
      const fixed = apply(c, uri, fix);
      assert.equal(fixed, '// edge settings\n{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,\n    "AllowFederatedUsers": true\n  }\n}');
      // The editor still shows the old diagnostic until it pulls again: it matches nothing now.
      assert.deepEqual(await codeActions(c, uri, [moved]), []);
      // Nor does a diagnostic left where it was before the first edit.
      assert.deepEqual((await codeActions(c, uri, [force])).filter((a) => a.edit !== undefined && a.title.startsWith('Remove')), []);
    });
  }

  it('a versioned edit names the version it was made for', async () => {
    const uri = open(modern, EDGE);
    modern.edit(uri, '"Force": true', '"Force": true ');
    const [force] = (await diagnosticsOf(modern, uri)).filter((d) => d.code === 'LT005');
    const [action] = await codeActions(modern, uri, [force]);
    assert.equal((action.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 2);
  });
});

describe('removals keep the comments around the key (issue 12.2)', () => {
  const text = [
    '{',
    '  "AccessEdgeConfiguration": {',
    '    "UseDnsSrvRouting": true, // routing by DNS SRV records',
    '    "Force": true,',
    '    // lync-topology-disable-next-line LT101 -- kept as a string on purpose',
    '    "AllowFederatedUsers": "True",',
    '    "EnablePartnerDiscovery": false, // partners are listed by hand',
    '    "WhatIf": true',
    '  }',
    '}',
  ].join('\n');

  it('the preferred fix of each command-only key, and fix-all, leave every other line and comment', async () => {
    const uri = open(plain, text);
    const found = await diagnosticsOf(plain, uri);
    assert.deepEqual(found.map((d) => d.code).sort(), ['LT005', 'LT005']);
    const whatIf = found.find((d) => String(d.message).includes('WhatIf'))!;
    const removed = applyTextEdits(text, editsOf((await codeActions(plain, uri, [whatIf])).find((a) => a.isPreferred)!.edit, uri));
    const withoutWhatIf = text.replace('false, // partners', 'false // partners').replace('\n    "WhatIf": true', '');
    assert.equal(removed, withoutWhatIf);
    const [fixAll] = await codeActions(plain, uri, [], ['source.fixAll']);
    const fixed = apply(plain, uri, fixAll);
    assert.equal(fixed, withoutWhatIf.replace('    "Force": true,\n', ''));
    assert.deepEqual(await diagnosticsOf(plain, uri), [], 'the suppressed LT101 stays suppressed');
  });
});

describe('suppressions (issue 12.3, 12.4)', () => {
  async function suppress(client: TestClient, uri: string, code: string): Promise<string> {
    const diagnostic = (await diagnosticsOf(client, uri)).find((d) => d.code === code)!;
    const action = (await codeActions(client, uri, [diagnostic])).find((a) => a.title === `Suppress ${code} for this line`)!;
    return apply(client, uri, action);
  }

  it('a second suppression on a line joins the first comment, keeping its reason', async () => {
    const uri = open(modern, '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,\n    "AllowFederatedUsers": "True", "Force": true\n  }\n}');
    assert.deepEqual((await diagnosticsOf(modern, uri)).map((d) => d.code), ['LT101', 'LT005']);
    await suppress(modern, uri, 'LT101');
    modern.edit(uri, 'LT101', 'LT101 -- a string on purpose');
    const text = await suppress(modern, uri, 'LT005');
    assert.match(text, /\n {4}\/\/ lync-topology-disable-next-line LT101, LT005 -- a string on purpose\n {4}"AllowFederatedUsers"/);
    assert.deepEqual(await diagnosticsOf(modern, uri), []);
  });

  it('in a CRLF file, fixes, fix-all and suppressions insert CRLF', async () => {
    const text = '{\r\n  "SipDomains": ["contoso.com"],\r\n  "AccessEdgeConfiguration": {\r\n    "UseDnsSrvRouting": true,\r\n    "AllowFederatedUsers": "True",\r\n    "Force": true\r\n  }\r\n}\r\n';
    const uri = open(plain, text);
    const diagnostics = await diagnosticsOf(plain, uri);
    const inserted: string[] = [];
    for (const diagnostic of diagnostics) for (const action of await codeActions(plain, uri, [diagnostic])) inserted.push(...editsOf(action.edit, uri).map((e) => e.newText));
    for (const action of await codeActions(plain, uri, [], ['source.fixAll'])) inserted.push(...editsOf(action.edit, uri).map((e) => e.newText));
    assert.ok(inserted.some((t) => t.includes('\r\n')), 'something inserts lines');
    for (const newText of inserted) assert.doesNotMatch(newText.replace(/\r\n/g, ''), /[\r\n]/, JSON.stringify(newText));
    const suppressed = await suppress(plain, uri, 'LT101');
    assert.doesNotMatch(suppressed.replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('a suppression on the first line goes after the byte order mark and the comment the file opens with', async () => {
    const uri = open(modern, '\ufeff/* topology of contoso */ { "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": true } }');
    const text = await suppress(modern, uri, 'LT305');
    assert.ok(text.startsWith('\ufeff/* topology of contoso */ // lync-topology-disable-next-line LT305\n'), JSON.stringify(text));
    assert.deepEqual((await diagnosticsOf(modern, uri)).filter((d) => d.code === 'LT305'), []);
  });
});

describe('reused findings of an unchanged provider (issue 12.7)', () => {
  it('after a space at the start of a line where one provider ends and the next begins, the fixes equal a fresh analysis', async () => {
    const text = '{\n  "HostingProviders": [\n    { "Identity": "A", "ProxyFqdn": "a.example.com"\n    }, {}\n  ]\n}';
    const uri = open(plain, text);
    await diagnosticsOf(plain, uri);
    const lineStart = plain.positionOf(uri, '    }, {');
    plain.change(uri, [{ range: { start: lineStart, end: lineStart }, newText: ' ' }]);
    const diagnostics = await diagnosticsOf(plain, uri);
    const fresh = open(plain, plain.text(uri));
    const freshDiagnostics = await diagnosticsOf(plain, fresh);
    assert.deepEqual(diagnostics, freshDiagnostics);
    for (const [index, diagnostic] of diagnostics.entries()) {
      const edits = (await codeActions(plain, uri, [diagnostic])).map((a) => editsOf(a.edit, uri));
      const freshEdits = (await codeActions(plain, fresh, [freshDiagnostics[index]])).map((a) => editsOf(a.edit, fresh));
      assert.deepEqual(edits, freshEdits, String(diagnostic.message));
    }
  });
});

async function complete(client: TestClient, uri: string, search: string, delta: number): Promise<CompletionItem[]> {
  return (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: client.positionOf(uri, search, delta) })) as CompletionItem[];
}

describe('completion in every client (issue 12.11, 12.13)', () => {
  it('without snippet support, items are plain text with the defaults filled in, and insert valid JSON', async () => {
    const text = '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true,\n    ""\n  }\n}';
    const uri = open(plain, text);
    const items = await complete(plain, uri, '""', 1);
    const discovery = items.find((i) => i.label === 'EnablePartnerDiscovery')!;
    assert.equal(discovery.insertTextFormat, 1);
    // The documented default, as the catalog gives it: accepting the item as offered changes nothing on the Edge.
    assert.equal((discovery.textEdit as TextEdit).newText, '"EnablePartnerDiscovery": false');
    for (const item of items) {
      const newText = (item.textEdit as TextEdit).newText;
      assert.doesNotMatch(newText, /\$\{?\d/, item.label);
      const inserted = applyTextEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
      assert.deepEqual(analyze(inserted).diagnostics.filter((d) => d.code === 'LT001'), [], `${item.label}:\n${inserted}`);
    }
    const snippets = await complete(modern, open(modern, text), '""', 1);
    assert.equal(snippets.find((i) => i.label === 'EnablePartnerDiscovery')!.insertTextFormat, 2);
  });

  it('a multi-line template comes in the line\'s indentation, marked to be inserted as it is', async () => {
    const text = '{\r\n    "HostingProviders": [\r\n        \r\n    ]\r\n}';
    for (const client of [plain, modern]) {
      const uri = open(client, text);
      const item = (await complete(client, uri, '[\r\n', 11)).find((i) => i.label === 'Hosting provider for hosted Exchange UM')!;
      assert.equal(item.insertTextMode, 1);
      const newText = (item.textEdit as TextEdit).newText;
      assert.match(newText, /^\{\r\n {12}"Identity": [^]*"\r\n {8}\\?\}$/, JSON.stringify(newText));
    }
  });

  it('a new entry after one without a comma brings the comma along', async () => {
    const text = '{\n  "SipDomains": ["contoso.com"]\n  \n}';
    for (const client of [plain, modern]) {
      const uri = open(client, text);
      const items = await complete(client, uri, '"]\n', 5);
      const edge = items.find((i) => i.label === 'AccessEdgeConfiguration')!;
      assert.deepEqual(edge.additionalTextEdits, [{ range: { start: { line: 1, character: 31 }, end: { line: 1, character: 31 } }, newText: ',' }]);
      const inserted = applyTextEdits(text, [{ ...(edge.textEdit as TextEdit), newText: (edge.textEdit as TextEdit).newText.replace('$1', '') }, ...edge.additionalTextEdits!]);
      assert.deepEqual(analyze(inserted).diagnostics.filter((d) => d.code === 'LT001'), [], inserted);
    }
  });
});
