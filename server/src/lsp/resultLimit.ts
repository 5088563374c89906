import type { Connection } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification } from './languageServer';
import type { ResultLimit } from '../core';
import { documentName } from './convert';
import { sendAndForget } from './guard';
import type { Workspace } from './workspace';

/**
 * The limit on the outline and the folding ranges of a document, and the one message per open document that
 * says the limit cut one of them short, as VS Code's JSON server says so once for a file. The message goes out
 * as `window/showMessage`, which every client shows, rather than the JSON server's own notification.
 */
export class ResultLimits {
  private readonly told = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
  ) {
    workspace.documents.onDidClose((event) => this.told.delete(event.document.uri));
  }

  /** The limit for `uri`: the `lyncTopology.maxItemsComputed` setting, or `clientLimit` (a client's own cap) if lower. */
  for(uri: string, clientLimit = Number.POSITIVE_INFINITY): ResultLimit {
    const resultLimit = Math.min(this.workspace.settings.maxItemsComputed, clientLimit);
    return { resultLimit, onResultLimitExceeded: () => this.tell(uri, resultLimit) };
  }

  private tell(uri: string, limit: number): void {
    if (this.told.has(uri)) return;
    this.told.add(uri);
    sendAndForget(this.connection, 'window/showMessage', this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: `${documentName(uri)}: to stay fast, the outline and the folding ranges show at most ${limit} items each (setting lyncTopology.maxItemsComputed).`,
    }));
  }
}
