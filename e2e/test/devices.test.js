// A contributor registers devices from JS: keys made here, the possession proof signed here with
// the encoding the README documents, the device seen through the DepinApi runtime API; bad input
// is refused with the pallet's error and costs nothing but the fee.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  connect, keyring, newDeviceKey, possessionProof, registerDevice, registrations, balance, findEvent,
  fundedAccount, BERLIN,
} from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;
let deposit;
let onboardingFee;
let owner;

before(async () => {
  deposit = api.consts.deviceRegistry.deviceDeposit.toBigInt();
  onboardingFee = api.consts.deviceRegistry.onboardingFee.toBigInt();
  owner = await fundedAccount(api, 100n * DPN);
});

function register(device, proof) {
  return registerDevice(api, owner, device, { proof });
}

test('register a device with a proof signed in JS; see it through api.call.depinApi', async () => {
  const device = newDeviceKey('sr25519');
  const before = await balance(api, owner.address);
  const { events, fee, error } = await register(device);
  assert.equal(error, null);
  // Counted: the device's next registration (after it leaves) needs a proof signed for number 1.
  assert.equal(await registrations(api, device.address), 1);

  const registered = findEvent(events, 'deviceRegistry', 'DeviceRegistered');
  assert.ok(registered, 'no DeviceRegistered event');
  assert.equal(registered.data.device.toString(), device.address);
  assert.equal(registered.data.owner.toString(), owner.address);
  assert.equal(registered.data.deposit.toBigInt(), deposit);

  // Deposit held, onboarding fee and transaction fee paid, nothing else.
  const after = await balance(api, owner.address);
  assert.equal(after.reserved - before.reserved, deposit);
  assert.equal(before.free - after.free, deposit + onboardingFee + fee);

  const view = await api.call.depinApi.device(device.address);
  assert.ok(view.isSome, 'depinApi.device does not know the device');
  const record = view.unwrap();
  assert.equal(record.owner.toString(), owner.address);
  assert.equal(record.kind.toString(), 'Hotspot');
  assert.equal(record.location.toHex(), BERLIN);

  const owned = await api.call.depinApi.devicesOf(owner.address, null, 10);
  assert.ok(owned.map((a) => a.toString()).includes(device.address));
});

test('an ed25519 device key registers too', async () => {
  const device = newDeviceKey('ed25519');
  const { events, error } = await register(device);
  assert.equal(error, null);
  assert.ok(findEvent(events, 'deviceRegistry', 'DeviceRegistered'));
});

test('devicesOf pages through an owner\'s devices', async () => {
  const all = (await api.call.depinApi.devicesOf(owner.address, null, 100)).map((a) => a.toString());
  assert.ok(all.length >= 2);
  const first = (await api.call.depinApi.devicesOf(owner.address, null, 1)).map((a) => a.toString());
  assert.equal(first.length, 1);
  const rest = (await api.call.depinApi.devicesOf(owner.address, first[0], 100)).map((a) => a.toString());
  assert.deepEqual([...first, ...rest].sort(), [...all].sort());
});

test('a duplicate registration is refused (AlreadyRegistered); only the fee is spent', async () => {
  const device = newDeviceKey('sr25519');
  assert.equal((await register(device)).error, null);
  const before = await balance(api, owner.address);
  const { error, fee } = await register(device);
  assert.deepEqual(error, { section: 'deviceRegistry', name: 'AlreadyRegistered' });
  const after = await balance(api, owner.address);
  assert.equal(before.free - after.free, fee);
  assert.equal(after.reserved, before.reserved);
});

test('a proof signed for another owner is refused (InvalidPossessionProof)', async () => {
  const device = newDeviceKey('sr25519');
  const bob = keyring().addFromUri('//Bob');
  // The device consented to Bob owning it, not to this owner.
  const proofForBob = await possessionProof(api, bob.address, device);
  const before = await balance(api, owner.address);
  const { error, fee } = await register(device, proofForBob);
  assert.deepEqual(error, { section: 'deviceRegistry', name: 'InvalidPossessionProof' });
  const after = await balance(api, owner.address);
  assert.equal(before.free - after.free, fee);
  assert.equal(after.reserved, before.reserved);
  assert.ok((await api.call.depinApi.device(device.address)).isNone);
});

test('a proof signed for a later registration is refused (InvalidPossessionProof)', async () => {
  const device = newDeviceKey('sr25519');
  assert.equal(await registrations(api, device.address), 0, 'a fresh key was never registered');
  // A proof is good for one registration: the first is number 0, so one signed for 1 is not it.
  const proofForLater = await possessionProof(api, owner.address, device, 1);
  const { error } = await register(device, proofForLater);
  assert.deepEqual(error, { section: 'deviceRegistry', name: 'InvalidPossessionProof' });
  assert.ok((await api.call.depinApi.device(device.address)).isNone);
});

test('a location that is not a resolution-12 H3 cell is refused', async () => {
  const device = newDeviceKey('sr25519');
  const { error } = await registerDevice(api, owner, device, { location: '0x08b1f1d48945dfff' });
  assert.deepEqual(error, { section: 'deviceRegistry', name: 'WrongResolution' });
});
