// Proof of coverage from JS, as the README shows it: four hotspots near Munich, each with its own
// owner, set their radios; devices sign their own beacons, witnesses and reveals without holding
// funds and pay no fee; a fresh network earns nothing in its first round (reciprocity), and once
// every hotspot has beaconed and witnessed, a beacon heard by three witnesses pays the HIP-15
// units (beaconer 0.75, each witness 1) visible through pendingRewards. An invalid report is
// refused by the transaction pool.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import {
  connect, keyring, newDeviceKey, registerDevice, submit, findEvent, fundedAccount, waitForBlock,
} from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;
const FREQ = 868_100_000;
// Resolution-12 cells near Munich, 1.1 to 1.7 km apart, each in its own resolution-8 hex (so
// that the density scale is 1 whatever other tests register in Berlin).
const MUNICH = ['0x08c1f8d7a498e1ff', '0x08c1f8d44a30b5ff', '0x08c1f8d7a4a205ff', '0x08c1f8d44b1b23ff'];

/** commitment = blake2_256("depin/beacon/v1" ‖ payload) */
function commitment(payload) {
  return blake2AsU8a(u8aConcat(stringToU8a('depin/beacon/v1'), payload), 256);
}

/** heard = blake2_256("depin/witness/v1" ‖ payload ‖ witness account) */
function heard(payload, witness) {
  return blake2AsU8a(u8aConcat(stringToU8a('depin/witness/v1'), payload, witness.publicKey), 256);
}

/** Submits several transactions of `signer` at once, with consecutive nonces. */
async function submitMany(txs, signer) {
  const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  return Promise.all(txs.map((tx, i) => submit(api, tx, signer, { nonce: nonce + i })));
}

/** Four hotspots, each of its own funded owner, registered near Munich with radio gain 0. */
async function fourHotspots() {
  const alice = keyring().addFromUri('//Alice');
  const owners = MUNICH.map(() => keyring().addFromUri(`//e2e-poc-${process.pid}-${Date.now()}-${Math.random()}`));
  const funded = await submitMany(owners.map((o) => api.tx.balances.transferKeepAlive(o.address, 100n * DPN)), alice);
  funded.forEach(({ error }) => assert.equal(error, null));
  const devices = MUNICH.map(() => newDeviceKey('sr25519'));
  const regs = await Promise.all(devices.map((d, i) => registerDevice(api, owners[i], d, { location: MUNICH[i] })));
  regs.forEach(({ error }) => assert.equal(error, null));
  const radios = await Promise.all(devices.map((d, i) => submit(api, api.tx.proofOfCoverage.setRadio(d.address, 0), owners[i])));
  radios.forEach(({ error }) => assert.equal(error, null));
  return devices;
}

/** A device report: included, succeeded, no fee paid, the fee skipped. */
function assertFree(result, what) {
  assert.equal(result.error, null, `${what}: ${JSON.stringify(result.error)}`);
  assert.equal(result.fee, 0n, `${what} paid a fee`);
  assert.ok(findEvent(result.events, 'skipFeelessPayment', 'FeeSkipped'), `${what}: no FeeSkipped`);
}

/** `beaconer` commits to a fresh payload; resolves with the payload. */
async function beacon(beaconer) {
  const payload = randomAsU8a(32);
  const b = await submit(api, api.tx.proofOfCoverage.submitBeacon(commitment(payload), FREQ, 14), beaconer);
  assertFree(b, 'beacon');
  return payload;
}

/** The witness report of `witness` for `payload` of `beaconer` (a weak, plausible signal). */
function witnessTx(witness, beaconer, payload) {
  return api.tx.proofOfCoverage.submitWitness(beaconer.address, heard(payload, witness), -1000, 50, FREQ);
}

/** Once the witness window of `beaconer`'s beacon is over, reveals it; resolves with the result. */
async function reveal(beaconer, payload, witnesses) {
  const status = await api.call.depinApi.beacon(beaconer.address);
  assert.ok(status.isSome, 'the beacon is open');
  assert.equal(status.unwrap().witnesses.length, witnesses);
  await waitForBlock(api, status.unwrap().witnessUntil.toNumber());
  const r = await submit(api, api.tx.proofOfCoverage.revealBeacon(beaconer.address, u8aToHex(payload)), beaconer);
  assertFree(r, 'reveal');
  return r;
}

/** One round: `beaconer` beacons, `witnesses` report it, the beaconer reveals once the witness
 * window is over. Resolves with the reveal's result. */
async function round(beaconer, witnesses) {
  const payload = await beacon(beaconer);
  const ws = await Promise.all(witnesses.map((w) => submit(api, witnessTx(w, beaconer, payload), w)));
  ws.forEach((w) => assertFree(w, 'witness'));
  return reveal(beaconer, payload, witnesses.length);
}

/** The verdicts of a reveal's witnesses (enum codecs: `.type`, `.asRewarded`), by address. */
function verdicts(result) {
  return Object.fromEntries(result.events
    .filter((e) => e.section === 'proofOfCoverage' && e.method === 'WitnessJudged')
    .map((e) => [e.data.witness.toString(), e.data.verdict]));
}

/** `points` at the density scale of a `BeaconRevealed` event: 1 (parts per billion 10^9) on a
 * fresh chain, where each Munich hex holds one hotspot; lower if the suite ran on this chain before
 * and filled the hexes beyond the density target (4). */
function scaled(points, revealed) {
  const density = BigInt(revealed.data.density.toNumber());
  return (points * density) / 1_000_000_000n;
}

/** Points noted for `device` by the block `blockHash`: its unvalued points there, less those of
 * the parent block when both are in one epoch. */
async function pointsAddedAt(blockHash, device) {
  const at = await api.at(blockHash);
  const header = await api.rpc.chain.getHeader(blockHash);
  const parent = await api.at(header.parentHash);
  const now = await at.call.rewardsApi.pendingRewards(device.address);
  const before = await parent.call.rewardsApi.pendingRewards(device.address);
  const epoch = await at.call.rewardsApi.epochInfo();
  const sameEpoch = epoch.epochStart.toNumber() < header.number.toNumber();
  return now.unvaluedPoints.toBigInt() - (sameEpoch ? before.unvaluedPoints.toBigInt() : 0n);
}

test('beacon, three witnesses, reveal: nothing in a fresh network, HIP-15 points once reciprocal', { timeout: 600_000 }, async () => {
  const [a, b, c, d] = await fourHotspots();
  // Devices hold no funds: the registry's sufficient reference lets them sign.
  for (const dev of [a, b, c, d]) {
    const { data, sufficients } = await api.query.system.account(dev.address);
    assert.equal(data.free.toBigInt(), 0n);
    assert.equal(sufficients.toNumber(), 1);
  }
  const coverage = await api.call.depinApi.coverage(a.address);
  assert.ok(coverage.unwrap().radioValid.isTrue);

  // Round 1: A beacons, B, C, D witness. Nobody has reciprocity yet: no points.
  const r1 = await round(a, [b, c, d]);
  const revealed1 = findEvent(r1.events, 'proofOfCoverage', 'BeaconRevealed');
  assert.equal(revealed1.data.counted.toNumber(), 0);
  assert.equal(revealed1.data.reciprocity.isTrue, false);
  for (const w of [b, c, d]) assert.equal(verdicts(r1)[w.address].type, 'NoReciprocity');

  // Round 2: B, C, D beacon at once, A witnesses each. Each beaconer earns (it witnessed in
  // round 1) and so does A (it beaconed in round 1).
  const beaconers = [b, c, d];
  const payloads = await Promise.all(beaconers.map(beacon));
  const ws = await submitMany(beaconers.map((x, i) => witnessTx(a, x, payloads[i])), a);
  ws.forEach((w) => assertFree(w, 'witness'));
  const r2 = await Promise.all(beaconers.map((x, i) => reveal(x, payloads[i], 1)));
  for (const r of r2) {
    const ev = findEvent(r.events, 'proofOfCoverage', 'BeaconRevealed');
    assert.equal(ev.data.counted.toNumber(), 1);
    assert.equal(ev.data.points.toBigInt(), scaled(2_500n, ev), 'one witness: 1/4 unit');
  }

  // Round 3, in a later epoch than A's first beacon: all four are reciprocal now.
  const last = (await api.call.depinApi.coverage(a.address)).unwrap().hotspot.lastBeaconEpoch.unwrap().toNumber();
  let info = await api.call.rewardsApi.epochInfo();
  if (info.currentEpoch.toNumber() <= last) {
    const header = await api.rpc.chain.getHeader();
    await waitForBlock(api, header.number.toNumber() + info.blocksLeft.toNumber());
    info = await api.call.rewardsApi.epochInfo();
  }
  const r3 = await round(a, [b, c, d]);
  const revealed3 = findEvent(r3.events, 'proofOfCoverage', 'BeaconRevealed');
  assert.equal(revealed3.data.counted.toNumber(), 3);
  assert.equal(revealed3.data.reciprocity.isTrue, true);
  assert.equal(revealed3.data.points.toBigInt(), scaled(7_500n, revealed3), 'three witnesses: 3/4 unit to the beaconer');
  for (const w of [b, c, d]) {
    const verdict = verdicts(r3)[w.address];
    assert.equal(verdict.type, 'Rewarded');
    assert.equal(verdict.asRewarded.points.toBigInt(), scaled(10_000n, revealed3));
  }

  // The rewards pallet has the points: pendingRewards at the reveal's block.
  assert.equal(await pointsAddedAt(r3.blockHash, a), scaled(7_500n, revealed3));
  for (const w of [b, c, d]) assert.equal(await pointsAddedAt(r3.blockHash, w), scaled(10_000n, revealed3));
  // The beacon is gone.
  assert.ok((await api.call.depinApi.beacon(a.address)).isNone);
});

test('an invalid device report is refused by the pool and never included', async () => {
  const device = newDeviceKey('sr25519');
  // Not registered: the account does not even exist.
  await assert.rejects(
    submit(api, api.tx.proofOfCoverage.submitBeacon(commitment(randomAsU8a(32)), FREQ, 14), device),
    /transaction Invalid/,
  );
  const owner = await fundedAccount(api, 100n * DPN);
  const a = newDeviceKey('sr25519');
  assert.equal((await registerDevice(api, owner, a)).error, null);
  assert.equal((await submit(api, api.tx.proofOfCoverage.setRadio(a.address, 0), owner)).error, null);
  // Registered, but a frequency of 0 fails the beacon's check: it would have to pay, cannot.
  await assert.rejects(
    submit(api, api.tx.proofOfCoverage.submitBeacon(commitment(randomAsU8a(32)), 0, 14), a),
    /transaction Invalid/,
  );
  assert.equal((await api.query.system.account(a.address)).nonce.toNumber(), 0, 'nothing included');
});
