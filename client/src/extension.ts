import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanPreview, registerChangeCommands } from './changes';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { CmdletsPreview } from './preview';
import { createStatusItem } from './status';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Lync Topology', { log: true });
  client = createLanguageClient(context, output);
  const preview = new CmdletsPreview(client);
  const planPreview = new PlanPreview(client);
  context.subscriptions.push(
    output,
    preview,
    planPreview,
    ...registerCommands(client, preview),
    ...registerChangeCommands(client, planPreview),
    ...createStatusItem(client),
    vscode.commands.registerCommand('lyncTopology.showOutput', () => output.show()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
