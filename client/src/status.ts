import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID } from './languageClient';

const SOURCE = 'lync-topology';

/** A language status item: whether the server runs, and how many errors the active topology file has. */
export function createStatusItem(client: BaseLanguageClient): vscode.Disposable[] {
  const item = vscode.languages.createLanguageStatusItem('lyncTopology.status', { language: LANGUAGE_ID });
  item.name = 'Lync Topology';
  item.command = { title: 'Show Output', command: 'lyncTopology.showOutput' };
  const update = () => {
    const running = client.state === State.Running;
    const document = vscode.window.activeTextEditor?.document;
    const errors = document ? vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE && d.severity === vscode.DiagnosticSeverity.Error).length : 0;
    item.text = running ? '$(check) Lync Topology' : client.state === State.Starting ? '$(sync~spin) Lync Topology' : '$(error) Lync Topology';
    item.detail = running ? (errors === 0 ? 'no errors' : `${errors} error${errors === 1 ? '' : 's'}`) : client.state === State.Starting ? 'starting' : 'server stopped';
    item.severity = running ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
  };
  update();
  return [
    item,
    client.onDidChangeState(update),
    vscode.languages.onDidChangeDiagnostics(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  ];
}
