/**
 * The values the handlers take from vscode-languageserver, which they import from here (types they import
 * directly). The package is CommonJS: a bundle copies its three hundred exports once for every module that
 * imports values from it, which was a measurable part of the server's start; through this module, once.
 */
export {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  InsertTextFormat,
  InsertTextMode,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  PositionEncodingKind,
  ResponseError,
  ShowMessageNotification,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
