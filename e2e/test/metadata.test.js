// Every DePIN pallet's calls, events and errors carry documentation in the metadata: polkadot.js
// apps shows it to users.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DEPIN_PALLETS = ['DeviceRegistry', 'Rewards', 'ProofOfCoverage', 'StorageDeals', 'EnergySettlement', 'ValidatorSet'];

test('the runtime has the DePIN pallets', () => {
  const names = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
  for (const pallet of DEPIN_PALLETS) assert.ok(names.includes(pallet), `${pallet} missing`);
});

for (const palletName of DEPIN_PALLETS) {
  test(`${palletName}: every call, event and error is documented`, () => {
    const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === palletName);
    const undocumented = [];
    for (const kind of ['calls', 'events', 'errors']) {
      const entry = pallet[kind];
      assert.ok(entry.isSome, `${palletName} has no ${kind}`);
      const type = api.registry.lookup.getSiType(entry.unwrap().type);
      assert.ok(type.def.isVariant, `${palletName} ${kind} is not an enum`);
      for (const variant of type.def.asVariant.variants) {
        const docs = variant.docs.map((d) => d.toString()).join(' ').trim();
        if (!docs) undocumented.push(`${kind}:${variant.name.toString()}`);
      }
    }
    assert.deepEqual(undocumented, [], `${palletName} undocumented: ${undocumented.join(', ')}`);
  });
}
