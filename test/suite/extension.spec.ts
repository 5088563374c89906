import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'lync-topology.lync-topology';

/** Polls `probe` until it returns something other than undefined, or fails at the deadline. */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace holding the examples');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lync-topology');
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

describe('Lync Topology in VS Code', () => {
  it('activates on a .lync.jsonc file, which gets the lync-topology language', async () => {
    const document = await open('mistakes.lync.jsonc');
    assert.equal(document.languageId, 'lync-topology');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await until(() => (extension.isActive ? true : undefined), 'activation');
  });

  it('shows diagnostics with their codes and a link to their documentation', async () => {
    const document = await open('mistakes.lync.jsonc');
    const diagnostics = await until(() => (ours(document.uri).length > 0 ? ours(document.uri) : undefined), 'diagnostics');
    const codes = diagnostics.map(codeOf);
    for (const code of ['LT101', 'LT102', 'LT103', 'LT005', 'LT401', 'LT402']) assert.ok(codes.includes(code), `${code} in ${codes.join(' ')}`);
    const typed = diagnostics.find((d) => codeOf(d) === 'LT101')!;
    assert.equal(typed.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String((typed.code as { target: vscode.Uri }).target), /diagnostics\.md#lt101-wrong-type$/);
  });

  it('completes the parameters a hosting provider still lacks', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'lync-topology', content: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "" } ] }' });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('""') + 1);
    const list = await until(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.length > 0 ? result : undefined;
    }, 'completions');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('ProxyFqdn') && labels.includes('EnabledSharedAddressSpace'), labels.join());
    assert.ok(!labels.includes('Identity') && !labels.includes('Enabled'), labels.join());
  });

  it('applies a quick fix, and its diagnostic goes away', async () => {
    const document = await open('mistakes.lync.jsonc');
    const typed = await until(() => ours(document.uri).find((d) => codeOf(d) === 'LT101'), 'the LT101 diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, typed.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to true');
    assert.ok(fix?.edit, `the fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /"AllowFederatedUsers": true,/);
    await until(() => (ours(document.uri).some((d) => codeOf(d) === 'LT101') ? undefined : true), 'LT101 to go away');
  });

  it('previews the cmdlets beside the file in a PowerShell editor, following edits', async () => {
    const document = await open('cross-premises.lync.jsonc');
    const source = vscode.window.activeTextEditor!;
    await vscode.commands.executeCommand('lyncTopology.previewCmdletsToSide');
    const preview = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'lync-topology-cmdlets'), 'the preview editor');
    assert.equal(preview.document.languageId, 'powershell');
    assert.notEqual(preview.viewColumn, source.viewColumn);
    assert.match(preview.document.getText(), /^Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -AllowFederatedUsers \$True -EnablePartnerDiscovery \$False$/m);
    assert.match(preview.document.getText(), /^New-CsHostingProvider -Identity 'Hosted Exchange UM' .*-ProxyFqdn 'proxyserver\.fabrikam\.com'/m);
    const edit = new vscode.WorkspaceEdit();
    const offset = document.getText().indexOf('proxyserver.fabrikam.com');
    edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'proxyserver'.length)), 'sip');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(() => (/-ProxyFqdn 'sip\.fabrikam\.com'/.test(preview.document.getText()) ? true : undefined), 'the preview to follow the edit');
  });

  it('switches the preview to the topology file that becomes active', async () => {
    const preview = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'lync-topology-cmdlets'), 'the preview editor');
    const mixed = await vscode.workspace.openTextDocument(workspaceFile('mixed.lync.jsonc'));
    await vscode.window.showTextDocument(mixed, { viewColumn: vscode.ViewColumn.One });
    const followed = await until(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'lync-topology-cmdlets' && e.document.uri.query === mixed.uri.toString()),
      'the preview of the newly active file',
    );
    assert.equal(followed.viewColumn, preview.viewColumn);
    assert.match(followed.document.getText(), /^New-CsHostingProvider -Identity 'Fabrikam Hosted UM' /m);
  });

  it('saves the cmdlets as a .ps1 with a byte order mark, and never replaces a file unasked', async () => {
    const target = workspaceFile(`saved-${Date.now()}.ps1`);
    const saved = await vscode.commands.executeCommand<vscode.Uri>('lyncTopology.saveCmdletsAs', workspaceFile('mixed.lync.jsonc'), target);
    assert.equal(saved?.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.match(text, /\r\nNew-CsHostingProvider -Identity 'Exchange Online' /);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('lyncTopology.saveCmdletsAs', workspaceFile('on-premises.lync.jsonc'), target);
    assert.equal(again, undefined);
    assert.deepEqual(await vscode.workspace.fs.readFile(target), bytes);
  });

  it('refuses to copy the cmdlets of a file with errors', async () => {
    const copied = await vscode.commands.executeCommand<boolean>('lyncTopology.copyCmdlets', workspaceFile('mistakes.lync.jsonc'));
    assert.equal(copied, false);
  });

  it('opens a new topology file from a template that is clean but for its placeholders', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lyncTopology.newTopologyFile', 'CrossPremises');
    assert.ok(editor);
    assert.equal(editor.document.languageId, 'lync-topology');
    assert.ok(editor.document.isUntitled);
    assert.match(editor.document.getText(), /"Mode": "CrossPremises"/);
    const diagnostics = await until(() => (ours(editor.document.uri).length > 0 ? ours(editor.document.uri) : undefined), 'the placeholder diagnostics');
    assert.deepEqual([...new Set(diagnostics.map(codeOf))], ['LT106']);
  });
  it('imports Management Shell output into a new untitled topology file', async () => {
    const output = 'Identity : fabrikam.com\n\nDomain : fabrikam.com\n\nComment : Partner\n';
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lyncTopology.importShellOutput', output);
    assert.ok(editor);
    assert.equal(editor.document.languageId, 'lync-topology');
    assert.ok(editor.document.isUntitled);
    assert.match(editor.document.getText(), /"BlockedDomains": \[\n\s+\/\/ Left out of Get-CsBlockedDomain: Domain/);
  });

  it('imports a file of output that Windows PowerShell saved in UTF-16, as the command line reads it', async () => {
    const output = 'Identity : fabrikam.com\r\n\r\nDomain : fabrikam.com\r\n\r\nComment : Partenaire depuis 2012, équipe Zürich\r\n';
    const bytes = [0xff, 0xfe];
    for (let i = 0; i < output.length; i++) bytes.push(output.charCodeAt(i) & 0xff, output.charCodeAt(i) >> 8);
    const file = workspaceFile(`transcript-${Date.now()}.txt`);
    await vscode.workspace.fs.writeFile(file, Uint8Array.from(bytes));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lyncTopology.importShellOutput', file);
    assert.ok(editor);
    assert.ok(editor.document.isUntitled);
    assert.match(editor.document.getText(), /"Comment": "Partenaire depuis 2012, équipe Zürich"/);
    await vscode.workspace.fs.delete(file);
  });

  it('previews the changes against a deployed file, and updates them as the file changes', async () => {
    const document = await open('cross-premises.lync.jsonc');
    const deployed = workspaceFile(`deployed-${Date.now()}.lync.jsonc`);
    await vscode.workspace.fs.writeFile(deployed, new TextEncoder().encode(document.getText().replace('"IsLocal": false', '"IsLocal": true')));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lyncTopology.previewChanges', document.uri, deployed);
    assert.ok(editor);
    assert.equal(editor.document.uri.scheme, 'lync-topology-plan');
    assert.match(editor.document.getText(), /^Set-CsHostingProvider -Identity 'Hosted Exchange UM' -IsLocal \$False$/m);
    const source = await vscode.window.showTextDocument(document);
    const proxy = /"ProxyFqdn": "([^"]+)"/.exec(document.getText())!;
    const start = proxy.index + '"ProxyFqdn": "'.length;
    await source.edit((edit) => edit.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + proxy[1].length)), 'sip2.fabrikam.com'));
    await until(() => (/^New-CsHostingProvider .*-ProxyFqdn 'sip2\.fabrikam\.com'/m.test(editor.document.getText()) ? true : undefined), 'the updated plan');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
