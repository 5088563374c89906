import * as vscode from 'vscode';
import { PlanPreview, registerChangeCommands } from './changes';
import { registerCommands } from './commands';
import { clientOptions, TopologyLanguageClient, type ServerConnector } from './languageClient';
import { CmdletsPreview } from './preview';
import { createStatusItem } from './status';

let client: TopologyLanguageClient | undefined;

/** Activation shared by the desktop and the browser entries, which differ only in how they reach the server. */
export async function activateWith(context: vscode.ExtensionContext, connect: ServerConnector): Promise<void> {
  const output = vscode.window.createOutputChannel('Lync Topology', { log: true });
  client = new TopologyLanguageClient(connect, clientOptions(context, output));
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
