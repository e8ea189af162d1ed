// The node's depin_* JSON-RPC methods, as a curl user calls them: plain JSON over HTTP.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, keyring, newDeviceKey, registerDevice, fundedAccount, rpc } from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;
/** A block hash no chain has. */
const UNKNOWN_HASH = `0x${'1'.repeat(64)}`;
/** The depin_* error code for an `at` block that is unknown or whose state is pruned. */
const UNKNOWN_BLOCK = 9001;


test('depin_epochInfo answers like the runtime API', async () => {
  const { result, error } = await rpc('depin_epochInfo');
  assert.equal(error, undefined);
  assert.equal(result.epochLength, 10);
  assert.equal(result.emission, (500n * DPN).toString());
  const s = result.split;
  assert.equal(s.coverage + s.storage + s.energy + s.validators + s.treasury, 1_000_000_000);
  assert.equal(result.points.length, 3);
  // Points are decimal strings, like balances (they may exceed JavaScript's safe integers).
  for (const points of result.points) assert.equal(typeof points, 'string');
});

test('depin_epochInfo at a given block matches api.call.depinApi at that block', async () => {
  const at = (await api.rpc.chain.getBlockHash()).toHex();
  const { result, error } = await rpc('depin_epochInfo', [at]);
  assert.equal(error, undefined);
  const info = await (await api.at(at)).call.depinApi.epochInfo();
  assert.equal(result.currentEpoch, info.currentEpoch.toNumber());
  assert.equal(result.epochStart, info.epochStart.toNumber());
  assert.equal(result.blocksLeft, info.blocksLeft.toNumber());
  assert.deepEqual(result.points, info.points.map((p) => p.toBigInt().toString()));
  assert.equal(result.blocksAuthored, info.blocksAuthored.toNumber());
});

test('depin_device and depin_pendingRewards for a registered device', async () => {
  const owner = await fundedAccount(api, 100n * DPN);
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
  assert.deepEqual(pending.result, { claimable: '0', heldBack: '0', unvaluedPoints: '0' });
  assert.equal(typeof pending.result.unvaluedPoints, 'string');

  const unknown = await rpc('depin_device', [keyring().addFromUri('//nobody-e2e').address]);
  assert.equal(unknown.result, null);
});

test('depin_devicesOf lists and pages an owner\'s devices, at a block too', async () => {
  const owner = await fundedAccount(api, 100n * DPN);
  const devices = [newDeviceKey('sr25519'), newDeviceKey('ed25519')];
  const blocks = [];
  for (const device of devices) {
    const { error, blockHash } = await registerDevice(api, owner, device);
    assert.equal(error, null);
    blocks.push(blockHash.toHex());
  }

  // Defaults: from the first, up to 100, at the best block.
  const all = await rpc('depin_devicesOf', [owner.address]);
  assert.equal(all.error, undefined);
  assert.deepEqual([...all.result].sort(), devices.map((d) => d.address).sort());
  const same = await api.call.depinApi.devicesOf(owner.address, null, 100);
  assert.deepEqual(all.result, same.map((a) => a.toString()), 'same answer as the runtime API');

  // Pages of one: the second starts after the first page's last device.
  const first = await rpc('depin_devicesOf', [owner.address, null, 1]);
  assert.equal(first.result.length, 1);
  const rest = await rpc('depin_devicesOf', [owner.address, first.result[0], 100]);
  assert.deepEqual([...first.result, ...rest.result], all.result);

  // At the block of the first registration the owner had only the first device.
  const then = await rpc('depin_devicesOf', [owner.address, null, null, blocks[0]]);
  assert.equal(then.error, undefined);
  assert.deepEqual(then.result, [devices[0].address]);
});

test('depin_devicesOf is [] for an owner with no devices', async () => {
  const nobody = keyring().addFromUri(`//e2e-no-devices-${process.pid}-${Date.now()}`);
  const { result, error } = await rpc('depin_devicesOf', [nobody.address]);
  assert.equal(error, undefined);
  assert.deepEqual(result, []);
});

test('depin_devicesOf refuses a page above 100 (invalid params)', async () => {
  const alice = keyring().addFromUri('//Alice');
  const { result, error } = await rpc('depin_devicesOf', [alice.address, null, 101]);
  assert.equal(result, undefined);
  assert.equal(error.code, -32602);
  assert.match(error.message, /limit 101 is above the maximum page of 100/);
});

test('an unknown `at` block is a clear error naming the block, not a debug dump', async () => {
  const alice = keyring().addFromUri('//Alice').address;
  const calls = {
    depin_device: [alice, UNKNOWN_HASH],
    depin_devicesOf: [alice, null, null, UNKNOWN_HASH],
    depin_pendingRewards: [alice, UNKNOWN_HASH],
    depin_epochInfo: [UNKNOWN_HASH],
  };
  for (const [method, params] of Object.entries(calls)) {
    const { result, error } = await rpc(method, params);
    assert.equal(result, undefined, method);
    assert.equal(error.code, UNKNOWN_BLOCK, method);
    assert.equal(
      error.message,
      `unknown or pruned block ${UNKNOWN_HASH}: its state is not available`,
      method,
    );
    for (const dump of ['Application(', 'Error {', 'UnknownBlock(']) {
      assert.ok(!error.message.includes(dump), `${method}: debug dump in "${error.message}"`);
    }
  }
});

test('a malformed address is an invalid-params error', async () => {
  const { error } = await rpc('depin_device', ['not-an-address']);
  assert.equal(error.code, -32602);
  assert.match(error.message, /SS58/);
});
