import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, TestClient } from './client';

/**
 * Edits on layouts other tests do not write: comments trailing the entry an insertion goes after, line breaks
 * of every style, tabs, a byte order mark and surrogate pairs before the edit. Each edit is applied as VS Code
 * applies a workspace edit, and the file must read as it did, but for the finding fixed.
 */
let client: TestClient;
let counter = 0;

function open(text: string): string {
  const uri = `file:///hostile/${++counter}.lync.jsonc`;
  client.open(uri, text);
  return uri;
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.documentChanges) return (edit.documentChanges as TextDocumentEdit[]).flatMap((c) => c.edits as TextEdit[]);
  return edit?.changes?.[uri] ?? [];
}

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
}

/** The text after the code action titled `title` of the finding with `code`. */
async function fixed(text: string, code: string, title: string): Promise<string> {
  const uri = open(text);
  const diagnostic = (await client.pull(uri)).find((d) => d.code === code);
  assert.ok(diagnostic, `${code} in\n${text}`);
  const action = (await actionsFor(uri, diagnostic)).find((a) => a.title === title);
  assert.ok(action, `${title} for ${code}`);
  return applyTextEdits(text, editsOf(action.edit, uri));
}

before(async () => (client = await TestClient.start({ pull: true, documentChanges: true })));
after(() => client.stop());

describe('an insertion after the last entry leaves the comments that trail it on its line', () => {
  it('a line comment after the last property, with and without its comma, in LF and CRLF', async () => {
    for (const eol of ['\n', '\r\n']) {
      for (const comma of ['', ',']) {
        const text = ['{', '  "HostedVoicemailPolicies": [', `    { "Identity": "a", "Organization": ["contoso.com"]${comma} // the Redmond policy`, '    }', '  ],', '  "Users": [{ "Identity": "sip:a@contoso.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": "a" }]', '}'].join(eol);
        const result = await fixed(text, 'LT702', "Add 'Destination'");
        assert.equal(
          result,
          text.replace(`${comma} // the Redmond policy${eol}`, `, // the Redmond policy${eol}      "Destination": "<FQDN of the hosted Exchange UM service, such as exap.um.outlook.com>"${comma}${eol}`),
        );
      }
    }
  });

  it('a block comment after the last entry of a one-line object or array', async () => {
    const text = '{\n  "HostedVoicemailPolicies": [ { "Identity": "a" /* the a policy */ } ],\n  "Users": [{ "Identity": "sip:a@contoso.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": "a" }]\n}';
    assert.equal(
      await fixed(text, 'LT702', "Add 'Destination'"),
      text.replace('"a" /* the a policy */ }', '"a", /* the a policy */ "Destination": "<FQDN of the hosted Exchange UM service, such as exap.um.outlook.com>" }'),
    );
    const providers = '{\n\t"ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["X"] },\n\t"HostingProviders": [\n\t\t{ "Identity": "Y", "ProxyFqdn": "y.contoso.com", "Enabled": true } // the Y one\n\t]\n}';
    const created = await fixed(providers, 'LT401', "Create hosting provider 'X'");
    assert.ok(created.includes('"Enabled": true }, // the Y one\n\t\t{\n\t\t\t"Identity": "X",'), created);
  });

  it('several settings stated at once go in one edit, after the comment', async () => {
    const text = '{\n  "AccessEdgeConfiguration": {\n    "AllowFederatedUsers": true // federation\n  },\n  "ExchangeUM": { "Mode": "CrossPremises" }\n}';
    assert.equal(
      await fixed(text, 'LT307', 'State UseDnsSrvRouting and EnablePartnerDiscovery in the file'),
      text.replace('true // federation\n', 'true, // federation\n    "UseDnsSrvRouting": true,\n    "EnablePartnerDiscovery": false\n'),
    );
  });
});
