// Rewards from JS: the epoch clock through the runtime APIs, a block author's claim after an
// epoch closes (Alice authors every block of the dev chain), and a claim with nothing owed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  connect, keyring, newDeviceKey, registerDevice, submit, balance, findEvent, fundedAccount,
  waitForBlock,
} from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;

test('epoch info through api.call.rewardsApi and api.call.depinApi', async () => {
  const info = await api.call.rewardsApi.epochInfo();
  const same = await api.call.depinApi.epochInfo();
  assert.equal(info.epochLength.toNumber(), 10, 'the dev chain uses 10-block epochs');
  assert.equal(info.emission.toBigInt(), 500n * DPN);
  assert.equal(same.epochLength.toNumber(), info.epochLength.toNumber());
  const split = info.split;
  const parts = ['coverage', 'storage', 'energy', 'validators', 'treasury']
    .map((k) => split[k].toNumber());
  assert.equal(parts.reduce((a, b) => a + b, 0), 1_000_000_000, 'split sums to 100%');
  assert.ok(info.blocksLeft.toNumber() <= 10);
});

test('a block author claims its share once an epoch has closed', async () => {
  const alice = keyring().addFromUri('//Alice');
  const info = await api.call.rewardsApi.epochInfo();
  // Wait for the close of the epoch in progress (at most 10 blocks, a minute).
  const closes = info.epochStart.toNumber() + info.epochLength.toNumber();
  await waitForBlock(api, closes + 1);

  const before = await balance(api, alice.address);
  const { events, fee, error } = await submit(api, api.tx.rewards.claimValidatorRewards(), alice);
  assert.equal(error, null);
  const claimed = findEvent(events, 'rewards', 'ValidatorRewardsClaimed');
  assert.ok(claimed, 'no ValidatorRewardsClaimed event');
  const amount = claimed.data.amount.toBigInt();
  // Alice authored every block: the whole validator share of each closed epoch is hers, less
  // nothing (one author, so no rounding); at least one epoch's share.
  const share = (500n * DPN * BigInt(info.split.validators.toNumber())) / 1_000_000_000n;
  assert.ok(amount >= share, `claimed ${amount} < one epoch's share ${share}`);
  assert.equal(amount % share, 0n, 'a whole number of epochs');
  const after = await balance(api, alice.address);
  assert.equal(after.free - before.free, amount - fee);
});

test('claiming for a device with nothing owed fails (NothingToClaim); only the fee is spent', async () => {
  const owner = await fundedAccount(api, 100n * DPN);
  const device = newDeviceKey('sr25519');
  const reg = await registerDevice(api, owner, device);
  assert.equal(reg.error, null);

  const pending = await api.call.rewardsApi.pendingRewards(device.address);
  assert.equal(pending.claimable.toBigInt(), 0n);
  assert.equal(pending.heldBack.toBigInt(), 0n);
  assert.equal(pending.unvaluedPoints.toBigInt(), 0n);

  const before = await balance(api, owner.address);
  const { error, fee } = await submit(api, api.tx.rewards.claimRewards(device.address), owner);
  assert.deepEqual(error, { section: 'rewards', name: 'NothingToClaim' });
  const after = await balance(api, owner.address);
  assert.equal(before.free - after.free, fee);
});

test('only the owner may claim for a device (NotOwner)', async () => {
  const owner = await fundedAccount(api, 100n * DPN);
  const other = await fundedAccount(api, 10n * DPN);
  const device = newDeviceKey('sr25519');
  const reg = await registerDevice(api, owner, device);
  assert.equal(reg.error, null);
  const { error } = await submit(api, api.tx.rewards.claimRewards(device.address), other);
  assert.deepEqual(error, { section: 'rewards', name: 'NotOwner' });
});

test('setting a split that is not 100% is refused (SplitNotWhole)', async () => {
  const alice = keyring().addFromUri('//Alice');
  const split = {
    coverage: 300_000_000, storage: 250_000_000, energy: 150_000_000, validators: 200_000_000,
    treasury: 99_999_999,
  };
  const { events, error } = await submit(api, api.tx.sudo.sudo(api.tx.rewards.setSplit(split)), alice);
  assert.equal(error, null, 'the sudo call itself is fine');
  const sudid = findEvent(events, 'sudo', 'Sudid');
  assert.ok(sudid);
  const result = sudid.data.sudoResult;
  assert.ok(result.isErr);
  const { section, name } = api.registry.findMetaError(result.asErr.asModule);
  assert.deepEqual({ section, name }, { section: 'rewards', name: 'SplitNotWhole' });
});
