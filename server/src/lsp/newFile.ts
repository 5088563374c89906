import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from './languageServer';
import { EXCHANGE_UM_MODES, newFileTemplate } from '../core';
import { guarded } from './guard';
import { NewFileRequest, type NewFileParams } from './protocol';

export function registerNewFile(connection: Connection): void {
  connection.onRequest(
    NewFileRequest,
    guarded(connection, 'new file', new ResponseError<void>(ErrorCodes.InternalError, 'No template.'), (params: NewFileParams) => {
      const mode = EXCHANGE_UM_MODES.find((m) => m === params?.mode);
      return mode ? newFileTemplate(mode) : new ResponseError<void>(ErrorCodes.InvalidParams, `Mode must be one of ${EXCHANGE_UM_MODES.join(', ')}.`);
    }),
  );
}
