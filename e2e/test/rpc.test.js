// The node's depin_* JSON-RPC methods, as a curl user calls them: plain JSON over HTTP.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, WS, keyring, newDeviceKey, registerDevice, fundedAccount } from './helpers.js';

const api = await connect();
after(() => api.disconnect());
const HTTP = WS.replace(/^ws/, 'http');

async function rpc(method, params = []) {
  const res = await fetch(HTTP, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return res.json();
}

test('depin_epochInfo answers like the runtime API', async () => {
  const { result, error } = await rpc('depin_epochInfo');
  assert.equal(error, undefined);
  assert.equal(result.epochLength, 10);
  assert.equal(result.emission, (500n * 10n ** 12n).toString());
  const s = result.split;
  assert.equal(s.coverage + s.storage + s.energy + s.validators + s.treasury, 1_000_000_000);
  assert.equal(result.points.length, 3);
});

test('depin_device and depin_pendingRewards for a registered device', async () => {
  const owner = await fundedAccount(api, 100n * 10n ** 12n);
  const device = newDeviceKey('sr25519');
  const reg = await registerDevice(api, owner, device);
  assert.equal(reg.error, null);

  const { result } = await rpc('depin_device', [device.address]);
  assert.equal(result.owner, owner.address);
  assert.equal(result.kind, 'Hotspot');
  assert.equal(result.location, '0x08c1f1d48945d9ff');
  assert.equal(result.state, 'Active');
  assert.equal(result.deposit, api.consts.deviceRegistry.deviceDeposit.toString());

  const pending = await rpc('depin_pendingRewards', [device.address]);
  assert.deepEqual(pending.result, { claimable: '0', heldBack: '0', unvaluedPoints: 0 });

  const unknown = await rpc('depin_device', [keyring().addFromUri('//nobody-e2e').address]);
  assert.equal(unknown.result, null);
});

test('a malformed address is an invalid-params error', async () => {
  const { error } = await rpc('depin_device', ['not-an-address']);
  assert.equal(error.code, -32602);
  assert.match(error.message, /SS58/);
});
