import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { guarded } from '../../server/src/lsp/guard';

/** A connection that only records what the server logs as errors. */
function recording(): { connection: Connection; errors: string[] } {
  const errors: string[] = [];
  return { connection: { console: { error: (message: string) => errors.push(message) } } as unknown as Connection, errors };
}

const token = (cancelled: () => boolean) => ({ get isCancellationRequested() { return cancelled(); }, onCancellationRequested: () => ({ dispose() {} }) }) as CancellationToken;

describe('the request wrapper', () => {
  it('answers RequestCancelled when the request is cancelled while it works, without logging', async () => {
    const { connection, errors } = recording();
    let cancelled = false;
    const answer = await guarded(connection, 'test', 'fallback', () => {
      cancelled = true;
      return 'done';
    })(undefined, token(() => cancelled));
    assert.ok(answer instanceof ResponseError);
    assert.equal(answer.code, LSPErrorCodes.RequestCancelled);
    assert.deepEqual(errors, []);
  });

  it('answers RequestCancelled without running the work when cancelled before', async () => {
    const { connection } = recording();
    let ran = false;
    const answer = await guarded(connection, 'test', false, () => (ran = true))(undefined, token(() => true));
    assert.equal((answer as ResponseError<void>).code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('passes a deliberate ResponseError to the client, thrown or returned, without logging', async () => {
    const { connection, errors } = recording();
    const refusal = new ResponseError<void>(LSPErrorCodes.RequestFailed, 'not like that');
    assert.equal(await guarded(connection, 'test', 'fallback', () => { throw refusal; })(undefined, token(() => false)), refusal);
    assert.equal(await guarded(connection, 'test', 'fallback' as string | ResponseError<void>, () => refusal)(undefined, token(() => false)), refusal);
    assert.deepEqual(errors, []);
  });

  it('logs an unexpected exception and answers the fallback', async () => {
    const { connection, errors } = recording();
    const answer = await guarded(connection, 'test', 'fallback', (): string => { throw new TypeError('broken'); })(undefined, token(() => false));
    assert.equal(answer, 'fallback');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /test failed: TypeError: broken/);
  });
});
