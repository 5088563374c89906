import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
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
  for (const diagnostic of (await client.pull(uri)).filter((d) => d.code === code)) {
    const action = (await actionsFor(uri, diagnostic)).find((a) => a.title === title);
    if (action) return applyTextEdits(text, editsOf(action.edit, uri));
  }
  assert.fail(`${title} for ${code} in\n${text}`);
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

/** The text after fix-all, and the codes found in it. */
async function fixedAll(text: string): Promise<{ text: string; codes: string[] }> {
  const uri = open(text);
  await client.pull(uri);
  const action = await client.fixAll(uri);
  client.change(uri, editsOf(action?.edit, uri));
  return { text: client.text(uri), codes: (await client.pull(uri)).map((d) => String(d.code)) };
}

const codesIn = async (text: string) => (await client.pull(open(text))).map((d) => String(d.code));

describe('a fix, alone or with the others, brings no finding the file did not have', () => {
  const provider = '{\n  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Y"] },\n  "HostingProviders": [\n    { "Identity": "Y", "Enabled": true, "ProxyFqdn": "y.contoso.com", "IsLocal": false, "VerificationLevel": "UseSourceVerification" }\n  ]\n}';

  it('adding one setting of a pair that goes together adds the other too', async () => {
    const before = await codesIn(provider);
    for (const [code, name] of [['LT402', 'EnabledSharedAddressSpace'], ['LT403', 'HostsOCSUsers']]) {
      const uri = open(provider);
      const diagnostic = (await client.pull(uri)).find((d) => d.code === code && String(d.message).includes(name))!;
      const action = (await actionsFor(uri, diagnostic)).find((a) => a.isPreferred)!;
      const result = applyTextEdits(provider, editsOf(action.edit, uri));
      assert.ok(result.includes('"EnabledSharedAddressSpace": true,\n      "HostsOCSUsers": false') || result.includes('"EnabledSharedAddressSpace": true, "HostsOCSUsers": false'), result);
      const after = await codesIn(result);
      assert.deepEqual(after.filter((c) => !before.includes(c)), [], `${action.title}:\n${result}`);
    }
    const all = await fixedAll(provider);
    assert.equal(all.text.match(/"HostsOCSUsers"/g)?.length, 1, all.text);
    assert.deepEqual(all.codes.filter((c) => !before.includes(c)), [], all.text);
  });

  it('two references to one missing provider, written in two letter cases, create it once', async () => {
    const text = '{\n  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["exchange online", "EXCHANGE ONLINE"] },\n  "HostingProviders": [{ "Identity": "Fabrikam", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com" }]\n}';
    const all = await fixedAll(text);
    assert.equal(all.text.match(/"Identity": "exchange online"/gi)?.length, 1, all.text);
    assert.ok(!all.codes.includes('LT501'), all.text);
  });
});

describe('formatting a file that opens with a byte order mark', () => {
  async function formatted(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<string> {
    const uri = open(text);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = (await client.connection.sendRequest(range ? 'textDocument/rangeFormatting' : 'textDocument/formatting', { textDocument: { uri }, options, ...(range ? { range } : {}) })) as TextEdit[];
    return applyTextEdits(text, edits);
  }

  it('formats the rest as it formats the same file without the mark, which stays first', async () => {
    for (const body of ['// contoso\n{"SipDomains":["contoso.com"]}', '\n\n  {"SipDomains":["contoso.com"]}\n', '/* a */ {"SipDomains": []}']) {
      const plain = await formatted(body);
      assert.equal(await formatted(`\ufeff${body}`), `\ufeff${plain}`);
      const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
      assert.equal(await formatted(`\ufeff${body}`, firstLine), `\ufeff${await formatted(body, firstLine)}`);
    }
  });
});

describe('completion leaves the file whole wherever it is asked for', () => {
  const plainClient = () => TestClient.start({ pull: true, snippetSupport: false });

  /** The comments of a text, in order. */
  function commentsOf(text: string): string[] {
    return [...text.matchAll(/\/\/[^\r\n]*|\/\*[^]*?\*\//g)].map((m) => m[0]);
  }

  it('offers nothing inside a comment, even one between a key and its colon', async () => {
    const text = '{\n  "ExchangeUM" /* where */: { "Mode": /* which */ "CrossPremises" }, // note\n  /* unclosed';
    const uri = open(text);
    for (const inside of ['/* wh', '/* which ', '// no', '/* uncl', '/* unclosed']) {
      const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: client.positionOf(uri, inside, inside.length) })) as CompletionItem[];
      assert.deepEqual(items.map((i) => i.label), [], inside);
    }
  });

  it('every item, at the places around values, entries and comments, is valid as LSP has it and keeps the file parsing', async () => {
    const text = [
      '{',
      '  "ExchangeUM" : { "Mode": "CrossPremises", "HostingProviders": ["Y"] },',
      '  "AccessEdgeConfiguration": {',
      '    // lync-topology-disable-next-line LT005 -- on purpose',
      '    "Force": true',
      '  },',
      '  "HostingProviders": [{ "Identity": "Y", "ProxyFqdn": "y.contoso.com" }, {}],',
      '  "Users": [',
      '    { "Identity": "sip:a@contoso.com" } /* the first */',
      '  ]',
      '}',
    ].join('\n');
    const carets = [
      ['"ExchangeUM" : ', 0],
      ['"Mode":', 7],
      ['"ExchangeUM" ', 13],
      ['"HostingProviders": ["Y"] }', 27],
      ['"HostingProviders": ["Y"] }', 26],
      ['"AccessEdgeConfiguration": {', 28],
      ['"y.contoso.com" }', 17],
      ['{}]', 2],
      ['"sip:a@contoso.com" }', 21],
      ['/* the first */', 15],
      ['  ]\n}', 3],
    ] as const;
    const plain = await plainClient();
    try {
      const uri = `file:///hostile/${++counter}.lync.jsonc`;
      plain.open(uri, text);
      const problems = analyze(text).parsed.problems.length;
      for (const [search, delta] of carets) {
        const position = plain.positionOf(uri, search, delta);
        const offset = plain.document(uri).offsetAt(position);
        const items = (await plain.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
        for (const item of items) {
          const main = item.textEdit as TextEdit;
          const what = `${item.label} at ${JSON.stringify(text.slice(offset - 10, offset))}‸${JSON.stringify(text.slice(offset, offset + 10))}`;
          const start = plain.document(uri).offsetAt(main.range.start);
          const end = plain.document(uri).offsetAt(main.range.end);
          assert.ok(main.range.start.line === main.range.end.line && start <= offset && offset <= end, `${what}: the range holds the caret on its line`);
          for (const extra of item.additionalTextEdits ?? []) {
            const s = plain.document(uri).offsetAt(extra.range.start);
            const e = plain.document(uri).offsetAt(extra.range.end);
            assert.ok(e < start || s > end, `${what}: an additional edit touches the main one, which LSP forbids`);
          }
          const after = applyTextEdits(text, [main, ...(item.additionalTextEdits ?? [])]);
          assert.ok(analyze(after).parsed.problems.length <= problems, `${what}:\n${after}`);
          assert.deepEqual(commentsOf(after), commentsOf(text), `${what}:\n${after}`);
        }
      }
    } finally {
      await plain.stop();
    }
  });
});

describe('the indentation step of a file whose lines end in a lone CR', () => {
  it('an inserted entry is indented as the file indents, in a fix and in a completion template', async () => {
    const text = '{\r    "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Y"] },\r    "AccessEdgeConfiguration": {},\r    "HostingProviders": [\r        \r    ]\r}';
    const stated = await fixed(text, 'LT307', 'State AllowFederatedUsers in the file');
    assert.ok(stated.includes('"AccessEdgeConfiguration": {\r        "AllowFederatedUsers": true\r    }'), JSON.stringify(stated));
    const uri = open(text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: client.positionOf(uri, '[\r', 10) })) as CompletionItem[];
    const template = (items.find((i) => i.label === 'New hosting provider')!.textEdit as TextEdit).newText;
    assert.match(template, /^\{\r {12}"Identity"/, JSON.stringify(template));
  });
});
