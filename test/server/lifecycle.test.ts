import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers';
import { exitCode, launchServer } from './client';

const URI = 'file:///lifecycle.lync.jsonc';
const HOVER = { textDocument: { uri: URI }, position: { line: 0, character: 4 } };
const INITIALIZE = { processId: null, rootUri: null, capabilities: {} };

/** A server process of its own and a connection that has sent nothing; killed when `body` ends. */
async function withServer(body: (connection: ProtocolConnection, child: ChildProcess) => Promise<void>): Promise<void> {
  const { child, connection } = launchServer();
  connection.listen();
  try {
    await body(connection, child);
  } finally {
    connection.dispose();
    child.kill();
  }
}

const rejectsWith = (promise: Promise<unknown>, code: number) => assert.rejects(promise, (error: { code: number }) => error.code === code);

describe('the lifecycle LSP gives a server', () => {
  it('answers requests before initialize with ServerNotInitialized and drops notifications', () =>
    withServer(async (connection) => {
      await rejectsWith(connection.sendRequest('textDocument/hover', HOVER), -32002);
      await rejectsWith(connection.sendRequest('lyncTopology/unknown', {}), -32002);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'lync-topology', version: 1, text: '{ "SipDomains": [] }' } });
      await connection.sendRequest('initialize', INITIALIZE);
      await connection.sendNotification('initialized', {});
      // The document opened before initialize was never opened.
      await rejectsWith(connection.sendRequest('lyncTopology/cmdlets', { uri: URI }), -32602);
    }));

  it('refuses an initialize without capabilities as invalid, and takes a valid one after it', () =>
    withServer(async (connection) => {
      for (const params of [{ processId: null, rootUri: null }, { processId: null, rootUri: null, capabilities: null }, { processId: null, rootUri: null, capabilities: 'all' }]) {
        await rejectsWith(connection.sendRequest('initialize', params), -32602);
      }
      await rejectsWith(connection.sendRequest('textDocument/hover', HOVER), -32002);
      await connection.sendRequest('initialize', INITIALIZE);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'lync-topology', version: 1, text: '{ "Nope": 1 }' } });
      const result = (await connection.sendRequest('lyncTopology/cmdlets', { uri: URI })) as { diagnostics: { code: string }[] };
      assert.deepEqual(result.diagnostics.map((d) => d.code), ['LT003']);
    }));

  it('refuses a second initialize', () =>
    withServer(async (connection) => {
      await connection.sendRequest('initialize', INITIALIZE);
      await rejectsWith(connection.sendRequest('initialize', INITIALIZE), -32600);
      await connection.sendNotification('initialized', {});
      assert.equal(await connection.sendRequest('textDocument/hover', HOVER), null);
    }));

  it('answers requests after shutdown with InvalidRequest, then exits 0 at exit', () =>
    withServer(async (connection, child) => {
      await connection.sendRequest('initialize', INITIALIZE);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'lync-topology', version: 1, text: '{ "SipDomains": [] }' } });
      assert.equal(await connection.sendRequest('shutdown'), null);
      await rejectsWith(connection.sendRequest('textDocument/hover', HOVER), -32600);
      await rejectsWith(connection.sendRequest('shutdown'), -32600);
      await connection.sendNotification('exit');
      assert.equal(await exitCode(child), 0);
    }));

  it('exits 1 at exit without shutdown', () =>
    withServer(async (connection, child) => {
      await connection.sendRequest('initialize', INITIALIZE);
      await connection.sendNotification('exit');
      assert.equal(await exitCode(child), 1);
    }));

  // The client is still alive (its process id is this test's), but it closed the pipe, as a client that crashes does.
  it('exits 1 when standard input closes without shutdown, though the client process lives', () =>
    withServer(async (connection, child) => {
      await connection.sendRequest('initialize', { ...INITIALIZE, processId: process.pid });
      await connection.sendNotification('initialized', {});
      child.stdin!.end();
      assert.equal(await exitCode(child), 1);
    }));

  it('exits 0 when standard input closes after shutdown', () =>
    withServer(async (connection, child) => {
      await connection.sendRequest('initialize', { ...INITIALIZE, processId: process.pid });
      await connection.sendRequest('shutdown');
      child.stdin!.end();
      assert.equal(await exitCode(child), 0);
    }));
});

describe('a client that refuses what the server asks of it', () => {
  for (const refused of ['client/registerCapability', 'workspace/configuration', 'workspace/diagnostic/refresh']) {
    it(`keeps the server up and checking when ${refused} is answered with an error`, () =>
      withServer(async (connection, child) => {
        let asked = 0;
        const answer = (method: string) => () => {
          asked++;
          if (method === refused) throw new Error('not here');
          return method === 'workspace/configuration' ? [{}] : null;
        };
        for (const method of ['client/registerCapability', 'workspace/configuration', 'workspace/diagnostic/refresh']) connection.onRequest(method, answer(method));
        const capabilities = { textDocument: { diagnostic: {} }, workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } } };
        await connection.sendRequest('initialize', { ...INITIALIZE, capabilities });
        await connection.sendNotification('initialized', {});
        // Registration, then the settings and a refresh of the diagnostics; a change of settings asks for both again.
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'lync-topology', version: 1, text: '{ "Nope": 1 }' } });
        const deadline = Date.now() + 10_000;
        while (asked < 3 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
        assert.ok(asked >= 3, `asked ${asked} times`);
        const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: { code: string }[] };
        assert.deepEqual(report.items.map((d) => d.code), ['LT003']);
        assert.equal(child.exitCode, null);
      }));
  }
});

describe('the lifecycle over --node-ipc', () => {
  it('answers a request before initialize with ServerNotInitialized, and exits 1 when the client disconnects without shutdown', async () => {
    const child = fork(join(REPO, 'bin', 'lync-topology-server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      await rejectsWith(connection.sendRequest('textDocument/hover', HOVER), -32002);
      await connection.sendRequest('initialize', INITIALIZE);
      child.disconnect();
      assert.equal(await exitCode(child), 1);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
