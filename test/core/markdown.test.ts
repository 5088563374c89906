import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, hover, markdownToPlainText } from '../../server/src/core';

describe('markdownToPlainText', () => {
  it('reads a property hover without markers, its values kept', () => {
    const text = '{ "HostingProviders": [ { "Identity": "P", "VerificationLevel": "UseSourceVerification" } ] }';
    const markdown = hover(analyze(text), text.indexOf('VerificationLevel') + 2)!.markdown;
    assert.match(markdown, /\*\*VerificationLevel\*\* · parameter of `New-CsHostingProvider`/);
    const plain = markdownToPlainText(markdown);
    assert.match(plain, /^VerificationLevel · parameter of New-CsHostingProvider\n/);
    assert.match(plain, /\n {2}- UseSourceVerification: /);
    assert.match(plain, /\n- Default: "AlwaysVerifiable"\n/);
    assert.doesNotMatch(plain, /\*\*|`/);
  });

  it('keeps a code span whole, asterisks and all, and turns a rule into the blank line around it', () => {
    assert.equal(markdownToPlainText('**Hosting provider** "a**b"\n\n- ProxyFqdn: `"**p**"`\n\n---\n\n**Next**'), 'Hosting provider "a**b"\n\n- ProxyFqdn: "**p**"\n\nNext');
  });
});
