import type { Rule } from './rule';

export const syntax: Rule = {
  code: 'LT001',
  name: 'syntax-error',
  severity: 'error',
  blocksGeneration: true,
  check({ model, syntaxProblems, report }) {
    for (const problem of syntaxProblems) report(problem.span, problem.message);
    if (!model.rootNode && syntaxProblems.length === 0) {
      // At the end, where the object is missing: a suppression comment put above it then silences it.
      const end = model.text.length;
      report({ start: end, end }, 'The file is empty. A topology file holds one JSON object, such as { "SipDomains": ["contoso.com"] }.');
    }
  },
};
