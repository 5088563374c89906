import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCESS_EDGE_CONFIGURATION, HOSTING_PROVIDER, topologySchema } from '../../server/src/core';
import { repoFile } from '../helpers';

type Schema = { properties: Record<string, Schema & { markdownDescription: string }>; items?: Schema; required?: string[]; enum?: string[] };

describe('JSON schema', () => {
  const schema = topologySchema() as unknown as Schema;

  it('is the file the build writes', () => {
    assert.deepEqual(JSON.parse(repoFile('schemas', 'lync-topology.schema.json')), schema);
  });

  it('describes every parameter of the catalog, with the catalog description', () => {
    const edge = schema.properties.AccessEdgeConfiguration;
    const provider = schema.properties.HostingProviders.items!;
    for (const [object, spec] of [[edge, ACCESS_EDGE_CONFIGURATION], [provider, HOSTING_PROVIDER]] as const) {
      assert.deepEqual(Object.keys(object.properties), spec.properties.map((p) => p.name));
      for (const p of spec.properties) assert.ok(object.properties[p.name].markdownDescription.startsWith(p.description));
    }
    assert.deepEqual(provider.required, ['Identity', 'Enabled', 'ProxyFqdn']);
    assert.deepEqual(provider.properties.VerificationLevel.enum, ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification']);
  });
});
